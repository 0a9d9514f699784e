-- Issue 11. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL); instants are DATETIME(6) UTC.
-- The payment requests dossier-service asked payment-service for when a dossier came to owe fees, one per
-- financial obligation: which payment meets which obligation, and what became of its payment.paid event
-- (CONFIRMED, or why it was ignored: NOT_AWAITING, NOT_CURRENT_REQUEST). payment-service owns the payment itself.
CREATE TABLE dossier_payment_request (
    -- insertion order: the latest row of a dossier is the payment request of the obligation it awaits
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    payment_id     VARCHAR(64)   NOT NULL,
    dossier_code   VARCHAR(64)   NOT NULL,
    request_id     VARCHAR(64)   NOT NULL,
    amount_dong    BIGINT        NOT NULL,
    requested_at   DATETIME(6)   NOT NULL,
    paid_event_id  VARCHAR(64),
    receipt_number VARCHAR(64),
    outcome        VARCHAR(24),
    settled_at     DATETIME(6)
) DEFAULT CHARSET = utf8mb4;
CREATE UNIQUE INDEX ux_dossier_payment_request_payment ON dossier_payment_request (payment_id);
CREATE INDEX ix_dossier_payment_request_code ON dossier_payment_request (dossier_code, id);
