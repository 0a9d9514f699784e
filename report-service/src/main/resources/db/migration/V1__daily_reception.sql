-- Projection of dossier-service's "dossier.received" events (rebuildable by replaying the feed from seq 0).

-- Dossiers received per receiving unit and local day (Asia/Ho_Chi_Minh).
CREATE TABLE daily_reception (
    unit_code  VARCHAR(32) NOT NULL,
    local_date DATE        NOT NULL,
    received   BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, local_date)
) DEFAULT CHARSET = utf8mb4;

-- Closure of the administrative hierarchy as the feed reported it: one row per (unit, ancestor), the unit itself
-- included, so "this unit and everything below it" is one join and needs no call to dossier-service.
CREATE TABLE unit_ancestor (
    unit_code     VARCHAR(32) NOT NULL,
    ancestor_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (unit_code, ancestor_code)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_unit_ancestor_ancestor ON unit_ancestor (ancestor_code, unit_code);
