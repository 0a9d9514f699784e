-- The public status lookup needs a key printed on the receipt besides the sequential code (ADR 0005). Dossiers
-- created before this migration have none and cannot be looked up publicly; their applicants still see them after
-- logging in. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).
ALTER TABLE dossier ADD COLUMN lookup_key VARCHAR(8);
