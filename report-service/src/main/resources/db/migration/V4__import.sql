-- Issue 13: historical import (ImportDossierHistory; report-service/README.md, "Historical import").
-- import_row is a source of truth, unlike the projections of V2: a rebuild drops dossier_fact and re-applies every
-- import_row through the projection (ImportedHistoryReplay). Instants are UTC DATETIME(6) (ADR 0002: bound as text).

-- One import call per (caller, request_id): a repeat answers the stored outcome instead of importing again.
CREATE TABLE import_run (
    import_id        VARCHAR(40)  NOT NULL PRIMARY KEY,
    caller_subject   VARCHAR(64)  NOT NULL,
    -- preferred_username, for whoever later asks where a history came from
    caller_username  VARCHAR(128),
    request_id       VARCHAR(64)  NOT NULL,
    unit_code        VARCHAR(32)  NOT NULL,
    -- JSON_LINES or CSV
    import_format    VARCHAR(16)  NOT NULL,
    batch_size       INT          NOT NULL,
    -- SHA-256 of unit, format, batch size and the file's SHA-256: a repeat with another body is refused
    fingerprint      CHAR(64)     NOT NULL,
    content_bytes    BIGINT       NOT NULL,
    -- RUNNING, DONE, FAILED (a crash or a cut-off client: the same request id may run it again)
    run_state        VARCHAR(16)  NOT NULL,
    rows_read        BIGINT       NOT NULL DEFAULT 0,
    rows_imported    BIGINT       NOT NULL DEFAULT 0,
    rows_rejected    BIGINT       NOT NULL DEFAULT 0,
    batches_applied  INT          NOT NULL DEFAULT 0,
    batches_rejected INT          NOT NULL DEFAULT 0,
    started_at       DATETIME(6)  NOT NULL,
    -- moved on after every batch: a RUNNING import whose heartbeat is older than
    -- motcua.report.import.stale-after died with its process and may be taken over by a repeat
    heartbeat_at     DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)
) DEFAULT CHARSET = utf8mb4;

CREATE UNIQUE INDEX ux_import_run_request ON import_run (caller_subject, request_id);

-- The first 100 row errors of a finished import, as answered.
CREATE TABLE import_run_error (
    import_id  VARCHAR(40)  NOT NULL,
    seq        INT          NOT NULL,
    line_no    BIGINT       NOT NULL,
    field_name VARCHAR(100) NOT NULL,
    message    VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, seq)
) DEFAULT CHARSET = utf8mb4;

-- Every imported dossier as last imported (a later import of the same code replaces it: a correction of history),
-- checked and normalized: the portal's status code, the times resolved from the row or its history, the flags.
CREATE TABLE import_row (
    code                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    import_id            VARCHAR(40)   NOT NULL,
    -- where the row was in its file (a repeat of the code later in the same file is refused with this line)
    line_no              BIGINT        NOT NULL,
    -- MaDonVi: the statistics unit; MaDonViTiepNhan (the unit itself when not given)
    unit_code            VARCHAR(32)   NOT NULL,
    receiving_unit_code  VARCHAR(32)   NOT NULL,
    procedure_code       VARCHAR(64)   NOT NULL,
    service_code         VARCHAR(64),
    -- LinhVuc as the catalogue writes it ('' when not given)
    field_code           VARCHAR(255)  NOT NULL,
    -- COUNTER, ONLINE, POSTAL (KenhThucHien 1, 2, 3)
    channel              VARCHAR(16)   NOT NULL,
    -- TrangThaiHoSo 1..10 (domain.md 4.1) and KetQuaTuChoi
    status_code          INT           NOT NULL,
    refused              BOOLEAN       NOT NULL,
    submitted_at         DATETIME(6),
    received_at          DATETIME(6),
    due_at               DATETIME(6),
    original_due_at      DATETIME(6),
    finished_at          DATETIME(6),
    returned_at          DATETIME(6),
    -- TienTrinh in UTC: 'status@ISO-instant' entries joined by '|'
    status_history       VARCHAR(4000) NOT NULL,
    supplement_requests  INT           NOT NULL,
    paused_seconds       BIGINT        NOT NULL,
    -- DuocThanhToanTrucTuyen 0/1/2 and the fee total in đồng
    online_payment       INT           NOT NULL,
    fee_total            BIGINT        NOT NULL,
    components_digitized BOOLEAN       NOT NULL,
    reuses_data          BOOLEAN       NOT NULL,
    from_warehouse       BOOLEAN       NOT NULL,
    vneid_verified       BOOLEAN       NOT NULL,
    result_code          VARCHAR(128),
    result_url           VARCHAR(1000),
    imported_at          DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_import_row_import ON import_row (import_id);
CREATE INDEX ix_import_row_unit ON import_row (unit_code);
