-- The units and published procedure versions dossier-service has announced on its change feed (unit.created,
-- procedure.published), so that consumers (report-service's unit and procedure dimensions) also learn the ones that
-- came in another way: the demo seed (db/demo), or rows older than the feed. Unit creation and publication record
-- their row in the same transaction as their event; at startup, FeedBackfill announces once every unit and every
-- current published version without a row. aggregate_key: the unit code, or '<procedure code>#<version>'.
CREATE TABLE feed_announcement (
    aggregate_type VARCHAR(16) NOT NULL,
    aggregate_key  VARCHAR(80) NOT NULL,
    announced_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (aggregate_type, aggregate_key)
) DEFAULT CHARSET = utf8mb4;
