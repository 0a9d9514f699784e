-- One online attempt per StartOnlinePayment: the provider's order is order_ref = <payment id>-<attempt_no>.
-- Reconciliation (V10+) reads order_ref, payment_id, state = 'SUCCESS', amount_dong, settled_at, transaction_no:
-- keep those names and values. state uses PaymentState names (STARTED, SUBMITTED, SUCCESS, FAILED_*, ERROR).
CREATE TABLE payment_attempt (
    order_ref      VARCHAR(64)   NOT NULL PRIMARY KEY,
    payment_id     VARCHAR(32)   NOT NULL,
    attempt_no     INT           NOT NULL,
    state          VARCHAR(40)   NOT NULL,
    -- what the provider is asked to collect (the online amount, after the discount)
    amount_dong    BIGINT        NOT NULL,
    transaction_no VARCHAR(64),
    return_url     VARCHAR(1000) NOT NULL,
    redirect_url   TEXT          NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    -- the provider refuses the order after this (protocol expire_at); the sweep queries open attempts past it
    expire_at      DATETIME(6)   NOT NULL,
    submitted_at   DATETIME(6),
    -- the provider's pay_date (UTC) of the outcome, or when we learnt it when the provider gave none
    settled_at     DATETIME(6),
    response_code  VARCHAR(8),
    CONSTRAINT uq_payment_attempt UNIQUE (payment_id, attempt_no)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_payment_attempt_open ON payment_attempt (state, expire_at);
CREATE UNIQUE INDEX uq_payment_attempt_transaction ON payment_attempt (transaction_no);
