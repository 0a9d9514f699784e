-- Issue 13: frozen, versioned report submissions (domain.md 7.2). Unlike V2 these rows are a source of truth, not a
-- projection: a rebuild never touches them, and nothing updates or deletes them. A correction is the next version.

-- One version of a unit's report for a period. A period is its dates (Q3 and the range 01/07..30/09 are the same
-- period); the requested kind, window and label travel inside figures. The unique key is what stops two leaders
-- submitting at once from both becoming version n+1: the second insert fails, it is not checked first.
CREATE TABLE report_submission (
    submission_id VARCHAR(32)   NOT NULL PRIMARY KEY,
    unit_code     VARCHAR(32)   NOT NULL,
    unit_name     VARCHAR(255)  NOT NULL,
    -- ReportKind name (II06A)
    kind          VARCHAR(16)   NOT NULL,
    period_from   DATE          NOT NULL,
    period_to     DATE          NOT NULL,
    version       INT           NOT NULL,
    -- whether the unit had children when it submitted (consolidated figures, the parent deadline applied)
    consolidated  BOOLEAN       NOT NULL,
    submitted_by  VARCHAR(128)  NOT NULL,
    submitted_at  DATETIME(6)   NOT NULL,
    -- required from version 2 on
    reason        VARCHAR(1000),
    deadline_at   DATETIME(6)   NOT NULL,
    late          BOOLEAN       NOT NULL,
    -- the frozen II.06a report as canonical JSON (report-service ii06a/service/II06aJson)
    figures       MEDIUMTEXT    NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE UNIQUE INDEX ux_report_submission_version
    ON report_submission (unit_code, kind, period_from, period_to, version);

-- For a consolidated version: each direct child of the unit at the time, with the version used (NULL: missing).
CREATE TABLE report_submission_source (
    submission_id       VARCHAR(32)  NOT NULL,
    line_no             INT          NOT NULL,
    child_unit_code     VARCHAR(32)  NOT NULL,
    child_unit_name     VARCHAR(255) NOT NULL,
    child_submission_id VARCHAR(32),
    PRIMARY KEY (submission_id, line_no)
) DEFAULT CHARSET = utf8mb4;

-- What version n+1 changed against version n, (row key x column, before / after), computed once when it was frozen.
CREATE TABLE report_submission_diff (
    submission_id VARCHAR(32)  NOT NULL,
    line_no       INT          NOT NULL,
    row_key       VARCHAR(300) NOT NULL,
    column_name   VARCHAR(64)  NOT NULL,
    before_value  BIGINT       NOT NULL,
    after_value   BIGINT       NOT NULL,
    PRIMARY KEY (submission_id, line_no)
) DEFAULT CHARSET = utf8mb4;
