-- E-receipts (biên lai điện tử): one per paid payment, numbered from the unit's yearly series. The counter row is
-- locked by the paying transaction, so numbers are gapless (a rolled-back payment rolls its number back) and unique.
CREATE TABLE receipt_counter (
    unit_code    VARCHAR(32) NOT NULL,
    receipt_year INT         NOT NULL,
    last_seq     BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, receipt_year)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE receipt (
    number       VARCHAR(48) NOT NULL PRIMARY KEY,
    payment_id   VARCHAR(32) NOT NULL,
    unit_code    VARCHAR(32) NOT NULL,
    receipt_year INT         NOT NULL,
    seq          BIGINT      NOT NULL,
    check_code   VARCHAR(16) NOT NULL,
    amount_dong  BIGINT      NOT NULL,
    issued_at    DATETIME(6) NOT NULL,
    CONSTRAINT uq_receipt_payment UNIQUE (payment_id),
    CONSTRAINT uq_receipt_series UNIQUE (unit_code, receipt_year, seq)
) DEFAULT CHARSET = utf8mb4;
