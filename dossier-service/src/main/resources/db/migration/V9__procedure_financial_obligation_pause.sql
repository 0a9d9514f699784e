-- Issue 16, finding 5. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).
-- A procedure version may say that the time the applicant spends meeting a financial obligation does not count in
-- the time limit (land procedures: the land law's implementing decree). Its dossiers then get a FINANCIAL_OBLIGATION
-- row in dossier_pause while awaiting payment, and their due times move by the paused working time (ADR 0004).
-- Existing versions count that time, as before.
ALTER TABLE procedure_version ADD COLUMN financial_obligation_pauses_clock BOOLEAN NOT NULL DEFAULT FALSE;
