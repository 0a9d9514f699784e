-- Immutable versions of a document. The content lives in the blob store under sha256 (lowercase hex), shared by
-- every version with the same bytes; media_type is detected from the bytes (application/pdf, image/jpeg, image/png);
-- origin is UPLOADED or QR_STAMPED (written by the service). Rows are only ever inserted.
CREATE TABLE document_version (
    document_id VARCHAR(40)  NOT NULL,
    version     INT          NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    media_type  VARCHAR(64)  NOT NULL,
    page_count  INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    origin      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (document_id, version),
    CONSTRAINT fk_document_version_document FOREIGN KEY (document_id) REFERENCES document (id)
) DEFAULT CHARSET = utf8mb4;
-- which versions use a blob (before a blob may ever be deleted)
CREATE INDEX ix_document_version_sha256 ON document_version (sha256);
