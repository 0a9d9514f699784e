-- payment-service owns its schema; its business tables (payment requests, receipts, refunds) come with the
-- payment issue. This records which schema generation the service runs, for operators.
CREATE TABLE service_info (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    value VARCHAR(255) NOT NULL
) DEFAULT CHARSET = utf8mb4;
INSERT INTO service_info (name, value) VALUES ('schema', 'payment-service v1');
