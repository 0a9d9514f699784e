-- The timeline shows people by name, not by login (issue 17, defect 7): each history line keeps the actor's name
-- as the token carried it at the time, so a later rename does not rewrite what was signed. Lines written before
-- this migration have none; the console falls back to the username there.
-- Numbered 8, leaving 7 to the dossier regime migration of issue 16; Flyway applies gaps in order on a fresh base.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).
ALTER TABLE dossier_history ADD COLUMN actor_name VARCHAR(200);
