-- Documents (issue 12): a file uploaded for a dossier, or an original presented at a unit's desk for an electronic
-- certified copy; exactly one of dossier_code / certifying_unit_code is set, and decides who may read it. The id is
-- random (DOC- and 26 base32 characters): knowing one id tells nothing about another. file_name is for display only
-- (checked: no path separators, no control characters, at most 255 characters). Instants are UTC DATETIME(6)
-- (platform UtcTimestamps). current_version is the latest version's number; a new version locks this row.
CREATE TABLE document (
    id                   VARCHAR(40)  NOT NULL PRIMARY KEY,
    file_name            VARCHAR(255) NOT NULL,
    dossier_code         VARCHAR(64),
    certifying_unit_code VARCHAR(32),
    created_at           DATETIME(6)  NOT NULL,
    -- username, for display; the subject decides whose upload it is
    created_by           VARCHAR(128) NOT NULL,
    created_by_subject   VARCHAR(64)  NOT NULL,
    current_version      INT          NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_document_dossier ON document (dossier_code, created_at);
CREATE INDEX ix_document_unit ON document (certifying_unit_code, created_at);
