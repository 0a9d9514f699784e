-- Issue 16. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).
-- The legal regime belongs to each dossier, fixed when it is filed (ADR 0004): existing rows take the rules in force
-- on the day they were filed (submission online, else reception), 1 July 2025 00:00 in Asia/Ho_Chi_Minh being
-- 2025-06-30 17:00 UTC (timestamps are stored as UTC wall-clock time, ADR 0002).
ALTER TABLE dossier ADD COLUMN legal_regime VARCHAR(16);
UPDATE dossier SET legal_regime = CASE
    WHEN COALESCE(submitted_at, received_at, created_at) < '2025-06-30 17:00:00' THEN 'REGIME_2018'
    ELSE 'REGIME_2025' END;
ALTER TABLE dossier MODIFY COLUMN legal_regime VARCHAR(16) NOT NULL;
-- The legal code (ND61 Art 26) is dated and numbered at acceptance; until then an online dossier, and a paper one
-- sent back for a supplement or refused at the desk, has only a submission reference. `code` stays the storage key
-- (the first identifier the dossier got); every dossier numbered before this migration already holds a legal code.
ALTER TABLE dossier ADD COLUMN legal_code VARCHAR(64);
ALTER TABLE dossier ADD COLUMN submission_reference VARCHAR(64);
UPDATE dossier SET legal_code = code;
CREATE UNIQUE INDEX ux_dossier_legal_code ON dossier (legal_code);
