-- request_id of mutating RPCs (architecture.md section 3), platform RequestIdempotency: same id + same body = the
-- first result; another body = ALREADY_EXISTS. result_ref is the certificate number for CertifyCopy. IF NOT EXISTS:
-- the document upload (migrations V2-V4) may create the same platform table first; the definition is the platform's.
CREATE TABLE IF NOT EXISTS idempotent_request (
    caller_subject VARCHAR(64)  NOT NULL,
    operation      VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(128) NOT NULL,
    body_hash      CHAR(64)     NOT NULL,
    result_ref     VARCHAR(128),
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller_subject, operation, request_id)
) DEFAULT CHARSET = utf8mb4;
