-- Issue 13: Decision 766 indicators as versioned rules. A rule set is published as a new version effective from a
-- month; a (unit, period, subtree) keeps the version it was first computed with (its pin) until an admin recomputes
-- it on purpose. Version 1 (the default set, resource indicators/rules-766-default.json) is inserted by the service
-- when the table is empty, so the JSON lives in one place. Instants are UTC (ADR 0002).

CREATE TABLE indicator_rule_version (
    version              INT           NOT NULL PRIMARY KEY,
    -- yyyymm: the first month whose periods this version applies to
    effective_from_month INT           NOT NULL,
    -- the canonical JSON of the rule set (groups, indicators, points, thresholds, formula ids)
    rules_json           MEDIUMTEXT    NOT NULL,
    published_by         VARCHAR(128)  NOT NULL,
    published_at         DATETIME(6)   NOT NULL,
    reason               VARCHAR(1000) NOT NULL
) DEFAULT CHARSET = utf8mb4;

-- The version a unit's figures for a calendar period were computed with (subtree: the subtree's figures, or the
-- unit's own dossiers only). period_number: month 1-12, quarter 1-4, 0 for a year.
CREATE TABLE indicator_rule_pin (
    unit_code     VARCHAR(32)   NOT NULL,
    period_kind   VARCHAR(8)    NOT NULL,
    period_year   INT           NOT NULL,
    period_number INT           NOT NULL,
    subtree       BOOLEAN       NOT NULL,
    version       INT           NOT NULL,
    pinned_at     DATETIME(6)   NOT NULL,
    -- who made the pin: the first reader, or the admin who recomputed
    pinned_by     VARCHAR(128)  NOT NULL,
    -- NULL for the first computation; the admin's reason for a recomputation
    reason        VARCHAR(1000),
    PRIMARY KEY (unit_code, period_kind, period_year, period_number, subtree)
) DEFAULT CHARSET = utf8mb4;

-- Every re-pin by RecomputeIndicators: who, when, why, from which version to which.
CREATE TABLE indicator_rule_pin_change (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_code     VARCHAR(32)   NOT NULL,
    period_kind   VARCHAR(8)    NOT NULL,
    period_year   INT           NOT NULL,
    period_number INT           NOT NULL,
    subtree       BOOLEAN       NOT NULL,
    from_version  INT,
    to_version    INT           NOT NULL,
    changed_by    VARCHAR(128)  NOT NULL,
    changed_at    DATETIME(6)   NOT NULL,
    reason        VARCHAR(1000) NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_indicator_rule_pin_change_pin
    ON indicator_rule_pin_change (unit_code, period_kind, period_year, period_number, subtree);
