-- Tables used only by the platform's own integration tests.
CREATE TABLE it_business (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    writer     INT         NOT NULL,
    created_at DATETIME(6) NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE it_projection (
    applied_order BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id      CHAR(36) NOT NULL,
    seq           BIGINT   NOT NULL
) DEFAULT CHARSET = utf8mb4;
