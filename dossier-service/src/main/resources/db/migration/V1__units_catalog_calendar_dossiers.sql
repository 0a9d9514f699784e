-- dossier-service schema. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL): utf8mb4, no
-- server-specific collations; instants are DATETIME(6) UTC written through UtcTimestamps.

CREATE TABLE admin_unit (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    parent_code VARCHAR(32),
    agency_code VARCHAR(64)  NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE procedure_version (
    code                  VARCHAR(40)  NOT NULL,
    version               INT          NOT NULL,
    name                  VARCHAR(500) NOT NULL,
    name_search           VARCHAR(500) NOT NULL,
    field                 VARCHAR(255) NOT NULL,
    level                 VARCHAR(16)  NOT NULL,
    time_limit_amount     BIGINT       NOT NULL,
    time_limit_unit       VARCHAR(24)  NOT NULL,
    online_level          VARCHAR(16)  NOT NULL,
    postal_allowed        BOOLEAN      NOT NULL,
    boundary_free_allowed BOOLEAN      NOT NULL,
    requires_paper_result BOOLEAN      NOT NULL,
    publication_decision  VARCHAR(128),
    published_on          DATE,
    effective_on          DATE,
    state                 VARCHAR(16)  NOT NULL,
    components_json       MEDIUMTEXT   NOT NULL,
    fees_json             MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (code, version)
) DEFAULT CHARSET = utf8mb4;

-- Where a procedure is received (the one-stop listing) and which unit decides it when received there.
CREATE TABLE procedure_unit (
    procedure_code      VARCHAR(40) NOT NULL,
    unit_code           VARCHAR(32) NOT NULL,
    competent_unit_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (procedure_code, unit_code)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_procedure_unit_unit ON procedure_unit (unit_code);

-- Maintained by an admin: HOLIDAY (day off) or MAKEUP_WORKDAY; unit_code NULL means nationwide.
CREATE TABLE calendar_day_override (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_code VARCHAR(32),
    day       DATE         NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    name      VARCHAR(255) NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_calendar_day ON calendar_day_override (day);

CREATE TABLE dossier (
    code                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    procedure_code       VARCHAR(40)  NOT NULL,
    procedure_version    INT          NOT NULL,
    procedure_name       VARCHAR(500) NOT NULL,
    receiving_unit_code  VARCHAR(32)  NOT NULL,
    competent_unit_code  VARCHAR(32)  NOT NULL,
    handling_unit_code   VARCHAR(32)  NOT NULL,
    state                VARCHAR(32)  NOT NULL,
    channel              VARCHAR(16)  NOT NULL,
    applicant_name       VARCHAR(200) NOT NULL,
    applicant_citizen_id CHAR(12),
    applicant_phone      VARCHAR(20),
    applicant_email      VARCHAR(254),
    applicant_address    VARCHAR(500),
    note                 VARCHAR(1000),
    received_at          DATETIME(6),
    original_due_at      DATETIME(6),
    due_at               DATETIME(6),
    finished_at          DATETIME(6),
    extension_used       BOOLEAN      NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_dossier_receiving ON dossier (receiving_unit_code, received_at);
CREATE INDEX ix_dossier_handling ON dossier (handling_unit_code, state);
CREATE INDEX ix_dossier_citizen ON dossier (applicant_citizen_id);

-- Daily sequence per agency for dossier codes; never reset within a day, never reused.
CREATE TABLE dossier_code_counter (
    agency_code VARCHAR(64) NOT NULL,
    day         DATE        NOT NULL,
    last_no     BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, day)
) DEFAULT CHARSET = utf8mb4;

-- Append-only: who did what, when, from which unit and why (Forms 05 and 06 are produced from it).
CREATE TABLE dossier_history (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dossier_code    VARCHAR(64)  NOT NULL,
    event           VARCHAR(48)  NOT NULL,
    from_state      VARCHAR(32),
    to_state        VARCHAR(32)  NOT NULL,
    actor_subject   VARCHAR(64)  NOT NULL,
    actor_username  VARCHAR(128),
    actor_unit_code VARCHAR(32),
    actor_roles     VARCHAR(255),
    reason          VARCHAR(2000),
    occurred_at     DATETIME(6)  NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_dossier_history_code ON dossier_history (dossier_code, id);

CREATE TABLE idempotent_request (
    caller_subject VARCHAR(64)  NOT NULL,
    operation      VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(128) NOT NULL,
    body_hash      CHAR(64)     NOT NULL,
    result_ref     VARCHAR(128),
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller_subject, operation, request_id)
) DEFAULT CHARSET = utf8mb4;
