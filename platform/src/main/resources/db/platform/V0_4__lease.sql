-- Database leases (vn.motcua.platform.lease): one row per lease name. Work that one replica only should do (the feed
-- relay, a feed consumer) runs while its process holds the row: holder set to its id and expires_at in the future.
-- A holder renews with a conditional UPDATE (holder = me OR expires_at <= now); a lapsed lease is taken the same way.
-- Instants are DATETIME(6) in UTC (vn.motcua.platform.db.UtcTimestamps). Rows are created on first use.
CREATE TABLE platform_lease (
    name        VARCHAR(128) NOT NULL PRIMARY KEY,
    holder      VARCHAR(128) NOT NULL,
    acquired_at DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL
) DEFAULT CHARSET = utf8mb4;
