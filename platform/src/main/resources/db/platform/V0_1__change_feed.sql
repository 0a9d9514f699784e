-- Change feed tables owned by the platform; every service runs them (locations classpath:db/platform).
-- Instants are DATETIME(6) in UTC (see vn.motcua.platform.db.UtcTimestamps).

CREATE TABLE feed_outbox (
    seq            BIGINT       NOT NULL PRIMARY KEY,
    event_id       CHAR(36)     NOT NULL,
    aggregate_type VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(128) NOT NULL,
    event_type     VARCHAR(96)  NOT NULL,
    unit_code      VARCHAR(32),
    occurred_at    DATETIME(6)  NOT NULL,
    payload_json   MEDIUMTEXT   NOT NULL,
    CONSTRAINT uq_feed_outbox_event UNIQUE (event_id)
) DEFAULT CHARSET = utf8mb4;

-- One row. Incrementing last_seq locks it until commit, which makes seq follow commit order.
CREATE TABLE feed_counter (
    id               INT    NOT NULL PRIMARY KEY,
    last_seq         BIGINT NOT NULL,
    min_retained_seq BIGINT NOT NULL
) DEFAULT CHARSET = utf8mb4;
INSERT INTO feed_counter (id, last_seq, min_retained_seq) VALUES (1, 0, 1);

CREATE TABLE feed_cursor (
    consumer   VARCHAR(64) NOT NULL,
    source     VARCHAR(64) NOT NULL,
    last_seq   BIGINT      NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, source)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE feed_consumed (
    consumer    VARCHAR(64) NOT NULL,
    event_id    CHAR(36)    NOT NULL,
    consumed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (consumer, event_id)
) DEFAULT CHARSET = utf8mb4;
