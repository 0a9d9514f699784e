-- The citizen's or organisation's e-data warehouse (Decree 45/2020 Art 16), keyed by owner_id: a citizen ID (12
-- digits) or a tax code. source_ref names what put an item there (COMPONENT:<dossier key>:<n>, RESULT:<dossier key>,
-- COPY:<certificate number>) and is unique, so a source adds its item exactly once whatever the retries.
CREATE TABLE warehouse_item (
    id                 VARCHAR(32)   NOT NULL PRIMARY KEY,
    owner_id           VARCHAR(20)   NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    title              VARCHAR(1000) NOT NULL,
    document_id        VARCHAR(64)   NOT NULL,
    document_version   INT           NOT NULL,
    source_ref         VARCHAR(128)  NOT NULL,
    dossier_key        VARCHAR(64),
    dossier_code       VARCHAR(64),
    procedure_code     VARCHAR(64),
    unit_code          VARCHAR(32)   NOT NULL,
    certificate_number VARCHAR(64),
    valid_from         DATETIME(6)   NOT NULL,
    valid_until        DATETIME(6),
    created_at         DATETIME(6)   NOT NULL,
    CONSTRAINT uq_warehouse_item_source UNIQUE (source_ref)
) DEFAULT CHARSET = utf8mb4;
-- ListMyWarehouse: an owner's items newest first
CREATE INDEX ix_warehouse_item_owner ON warehouse_item (owner_id, created_at, id);
-- read access: does an item of this owner hold the document
CREATE INDEX ix_warehouse_item_document ON warehouse_item (document_id, owner_id);
