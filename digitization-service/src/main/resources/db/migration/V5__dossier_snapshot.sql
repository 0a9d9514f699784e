-- The local snapshot of each dossier digitization-service touched, as dossier-service last showed it (GetDossier with
-- the caller's token, refreshed on every dossier-scoped call; result events of its feed refresh code and status).
-- dossier_key is dossier-service's storage key, which never changes: the submission reference when the dossier has
-- one, else its code (the feed's aggregate_id). Every table here keys dossiers by it. Times are UTC (DATETIME(6),
-- platform UtcTimestamps: TIMESTAMP would end in 2038, before some validity dates).
CREATE TABLE dossier_snapshot (
    dossier_key         VARCHAR(64) NOT NULL PRIMARY KEY,
    code                VARCHAR(64) NOT NULL,
    receiving_unit_code VARCHAR(32) NOT NULL,
    competent_unit_code VARCHAR(32) NOT NULL,
    procedure_code      VARCHAR(64) NOT NULL,
    procedure_version   INT         NOT NULL,
    -- the applicant's citizen ID (CCCD): the owner of the warehouse the dossier's documents go to; NULL when unknown
    applicant_id        VARCHAR(20),
    channel             VARCHAR(16) NOT NULL,
    status              VARCHAR(32) NOT NULL,
    refreshed_at        DATETIME(6) NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_dossier_snapshot_code ON dossier_snapshot (code);
