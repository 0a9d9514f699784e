-- The digitization of each dossier component (domain.md 10.2, 10.3), numbered as in the procedure version's list,
-- created from the catalogue on first use; and the dossier's electronic result (a PDF whose signature verified VALID).
CREATE TABLE dossier_component (
    dossier_key       VARCHAR(64)   NOT NULL,
    component_number  INT           NOT NULL,
    name              VARCHAR(1000) NOT NULL,
    present_only      BOOLEAN       NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    source            VARCHAR(24),
    exemption_reason  VARCHAR(24),
    from_warehouse    BOOLEAN       NOT NULL,
    reused            BOOLEAN       NOT NULL,
    document_id       VARCHAR(64),
    document_version  INT           NOT NULL,
    warehouse_item_id VARCHAR(32),
    qr_payload        VARCHAR(2000),
    note              VARCHAR(1000),
    checked_by        VARCHAR(255),
    checked_at        DATETIME(6),
    confirmed_by      VARCHAR(255),
    confirmed_at      DATETIME(6),
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (dossier_key, component_number)
) DEFAULT CHARSET = utf8mb4;
-- who may read a reused warehouse document: the officers who see a dossier whose component references it
CREATE INDEX ix_dossier_component_document ON dossier_component (document_id);

CREATE TABLE dossier_result (
    dossier_key       VARCHAR(64)  NOT NULL PRIMARY KEY,
    document_id       VARCHAR(64)  NOT NULL,
    document_version  INT          NOT NULL,
    attached_at       DATETIME(6)  NOT NULL,
    attached_by       VARCHAR(255) NOT NULL,
    valid_until       DATETIME(6),
    -- set once, when dossier-service's feed announced the result issued (or returned) and it went to the warehouse
    warehouse_item_id VARCHAR(32)
) DEFAULT CHARSET = utf8mb4;
