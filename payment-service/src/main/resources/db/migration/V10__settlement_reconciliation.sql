-- Reconciliation (issue 11 item 6): the provider's settlement files as imported, per unit and day
-- (Asia/Ho_Chi_Minh). A re-import replaces the day's lines. The matching itself reads payment_attempt/payment.

CREATE TABLE settlement_import (
    unit_code       VARCHAR(32)  NOT NULL,
    settlement_date DATE         NOT NULL,
    line_count      INT          NOT NULL,
    -- SHA-256 of the file as uploaded, to tell a re-import of the same file from a different one
    file_sha256     CHAR(64)     NOT NULL,
    imported_by     VARCHAR(128) NOT NULL,
    imported_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (unit_code, settlement_date)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE settlement_line (
    unit_code       VARCHAR(32) NOT NULL,
    settlement_date DATE        NOT NULL,
    line_no         INT         NOT NULL,
    order_ref       VARCHAR(64) NOT NULL,
    transaction_no  VARCHAR(64) NOT NULL,
    amount_dong     BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    -- the provider's pay_date converted to UTC
    paid_at         DATETIME(6) NOT NULL,
    status          CHAR(2)     NOT NULL,
    PRIMARY KEY (unit_code, settlement_date, line_no)
) DEFAULT CHARSET = utf8mb4;

CREATE UNIQUE INDEX ux_settlement_line_order ON settlement_line (unit_code, settlement_date, order_ref);

-- request_id idempotency of ImportSettlement uses the service's idempotent_request table (platform RequestIdempotency).
