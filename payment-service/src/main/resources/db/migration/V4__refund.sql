-- Refunds of a paid payment, full or partial: SUBMITTED -> SUCCESS | FAILED (RefundState).
CREATE TABLE refund (
    id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    payment_id    VARCHAR(32)   NOT NULL,
    amount_dong   BIGINT        NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    requested_by  VARCHAR(300)  NOT NULL,
    requested_at  DATETIME(6)   NOT NULL,
    settled_at    DATETIME(6),
    provider_code VARCHAR(8)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_refund_payment ON refund (payment_id, requested_at);
