-- request_id of mutating RPCs (architecture.md section 3), as in dossier-service: same id + same body = the first
-- result; another body = ALREADY_EXISTS. result_ref is the payment id (or the refund id for RefundPayment).
CREATE TABLE idempotent_request (
    caller_subject VARCHAR(64)  NOT NULL,
    operation      VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(128) NOT NULL,
    body_hash      CHAR(64)     NOT NULL,
    result_ref     VARCHAR(128),
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller_subject, operation, request_id)
) DEFAULT CHARSET = utf8mb4;
