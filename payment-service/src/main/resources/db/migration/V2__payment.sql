-- Payment requests owed by dossiers (issue 11). Amounts are integer đồng; instants are UTC DATETIME(6)
-- (platform UtcTimestamps). state holds the internal state graph (PaymentState); the public status is derived.
-- Reconciliation (V10+) reads payment(id, unit_code, dossier_code): keep those names.
CREATE TABLE payment (
    id                      VARCHAR(32)   NOT NULL PRIMARY KEY,
    dossier_code            VARCHAR(64)   NOT NULL,
    unit_code               VARCHAR(32)   NOT NULL,
    procedure_code          VARCHAR(64)   NOT NULL,
    payer_name              VARCHAR(300)  NOT NULL,
    payer_citizen_id        VARCHAR(32),
    -- sum of the lines, before any online discount
    amount_dong             BIGINT        NOT NULL,
    online_discount_percent INT           NOT NULL,
    -- what was actually received (the online amount, or the full amount at the counter); null until paid
    paid_amount_dong        BIGINT,
    -- sum of successful refunds
    refunded_dong           BIGINT        NOT NULL DEFAULT 0,
    state                   VARCHAR(40)   NOT NULL,
    channel                 VARCHAR(20),
    transaction_ref         VARCHAR(300),
    -- number of the latest online attempt (0: never started); order_ref = id-attempt
    current_attempt         INT           NOT NULL DEFAULT 0,
    created_at              DATETIME(6)   NOT NULL,
    paid_at                 DATETIME(6),
    expires_at              DATETIME(6)   NOT NULL,
    updated_at              DATETIME(6)   NOT NULL,
    cancel_reason           VARCHAR(1000),
    created_by              VARCHAR(64)   NOT NULL,
    revision                BIGINT        NOT NULL
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_payment_dossier ON payment (dossier_code, created_at);
CREATE INDEX ix_payment_state_expires ON payment (state, expires_at);

CREATE TABLE payment_line (
    payment_id  VARCHAR(32)  NOT NULL,
    position    INT          NOT NULL,
    name        VARCHAR(500) NOT NULL,
    amount_dong BIGINT       NOT NULL,
    legal_basis VARCHAR(500) NOT NULL,
    PRIMARY KEY (payment_id, position)
) DEFAULT CHARSET = utf8mb4;

-- The unit and every ancestor (CreatePaymentRequest.unit_path): an officer of any of them reaches the payment.
-- Keyed by unit first so a unit's list is an index range.
CREATE TABLE payment_scope (
    unit_code  VARCHAR(32) NOT NULL,
    payment_id VARCHAR(32) NOT NULL,
    depth      INT         NOT NULL,
    PRIMARY KEY (unit_code, payment_id)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_payment_scope_payment ON payment_scope (payment_id);
