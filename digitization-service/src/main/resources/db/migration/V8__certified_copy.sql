-- Electronic certified copies (chứng thực bản sao điện tử từ bản chính) in each unit's yearly register. The counter
-- row is locked by the certifying transaction, so numbers <unit>/<year>/<seq> are gapless (a rolled-back
-- certification rolls its number back) and unique, as payment-service's receipt series.
CREATE TABLE certified_copy_counter (
    unit_code     VARCHAR(32) NOT NULL,
    register_year INT         NOT NULL,
    last_seq      BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, register_year)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE certified_copy (
    certificate_number VARCHAR(64)  NOT NULL PRIMARY KEY,
    unit_code          VARCHAR(32)  NOT NULL,
    register_year      INT          NOT NULL,
    seq                BIGINT       NOT NULL,
    title              VARCHAR(255) NOT NULL,
    document_id        VARCHAR(64)  NOT NULL,
    document_version   INT          NOT NULL,
    owner_id           VARCHAR(20)  NOT NULL,
    warehouse_item_id  VARCHAR(32)  NOT NULL,
    certified_at       DATETIME(6)  NOT NULL,
    certified_by       VARCHAR(255) NOT NULL,
    valid_until        DATETIME(6),
    CONSTRAINT uq_certified_copy_series UNIQUE (unit_code, register_year, seq)
) DEFAULT CHARSET = utf8mb4;
-- ListCertifiedCopies: a unit's register newest first
CREATE INDEX ix_certified_copy_unit ON certified_copy (unit_code, certified_at, certificate_number);

-- The signature report that vouched for an attached result (RESULT:<dossier key>) or a certified copy
-- (COPY:<number>), kept with it so reading it back does not verify the file again.
CREATE TABLE signature_report (
    owner_ref  VARCHAR(128)  NOT NULL PRIMARY KEY,
    verdict    VARCHAR(16)   NOT NULL,
    summary    VARCHAR(1000),
    checked_at DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE signature_signer (
    owner_ref             VARCHAR(128)  NOT NULL,
    signer_position       INT           NOT NULL,
    signer_subject        VARCHAR(1024),
    signer_name           VARCHAR(500),
    issuer_subject        VARCHAR(1024),
    serial_number         VARCHAR(128),
    signed_at             DATETIME(6),
    intact                BOOLEAN       NOT NULL,
    covers_whole_document BOOLEAN       NOT NULL,
    trusted               BOOLEAN       NOT NULL,
    sub_filter            VARCHAR(64),
    problem               VARCHAR(1000),
    PRIMARY KEY (owner_ref, signer_position)
) DEFAULT CHARSET = utf8mb4;
