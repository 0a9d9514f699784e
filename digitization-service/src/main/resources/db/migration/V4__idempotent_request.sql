-- request_id of mutating RPCs (architecture.md section 3; platform RequestIdempotency), as in dossier- and
-- payment-service: same caller + operation + id with the same body = the first result; another body =
-- ALREADY_EXISTS. For UploadDocument the body includes the content's SHA-256 and result_ref is the document id.
-- Other operations of this service (certified copies) use the same table.
CREATE TABLE idempotent_request (
    caller_subject VARCHAR(64)  NOT NULL,
    operation      VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(128) NOT NULL,
    body_hash      CHAR(64)     NOT NULL,
    result_ref     VARCHAR(128),
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller_subject, operation, request_id)
) DEFAULT CHARSET = utf8mb4;
