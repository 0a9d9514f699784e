-- ADR 0006: business transactions insert outbox rows without a seq; FeedRelay assigns seqs after commit, in its own
-- short transaction, from feed_counter (locked FOR UPDATE there only). The row's identity becomes an auto-increment
-- id (insertion order, used by the relay to number visible rows oldest first); seq becomes nullable and unique.
-- The unique index on seq serves both readers (seq > cursor) and the relay (seq IS NULL ORDER BY id: InnoDB keeps
-- the primary key in every secondary index, so the NULL entries come out in id order).
-- Rebuilt by copy rather than ALTERed in place, so that MariaDB and H2 (MODE=MySQL) run the same statements.
CREATE TABLE feed_outbox_v3 (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    seq            BIGINT,
    event_id       CHAR(36)     NOT NULL,
    aggregate_type VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(128) NOT NULL,
    event_type     VARCHAR(96)  NOT NULL,
    unit_code      VARCHAR(32),
    occurred_at    DATETIME(6)  NOT NULL,
    payload_type   VARCHAR(255) NOT NULL,
    payload        MEDIUMBLOB   NOT NULL
) DEFAULT CHARSET = utf8mb4;

INSERT INTO feed_outbox_v3 (seq, event_id, aggregate_type, aggregate_id, event_type, unit_code, occurred_at,
                            payload_type, payload)
SELECT seq, event_id, aggregate_type, aggregate_id, event_type, unit_code, occurred_at, payload_type, payload
FROM feed_outbox
ORDER BY seq;

DROP TABLE feed_outbox;
ALTER TABLE feed_outbox_v3 RENAME TO feed_outbox;
CREATE UNIQUE INDEX uq_feed_outbox_seq ON feed_outbox (seq);
CREATE UNIQUE INDEX uq_feed_outbox_event ON feed_outbox (event_id);
