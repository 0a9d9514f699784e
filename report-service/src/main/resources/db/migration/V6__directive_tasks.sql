-- Issue 14 (ADR 0012): directive tasks, data-collection campaigns, progress, reminders. Like V3 these rows are a
-- source of truth, not a projection: a projection rebuild never touches them. Instants are UTC DATETIME(6).

-- request_id idempotency of the mutating task RPCs (platform RequestIdempotency)
CREATE TABLE idempotent_request (
    caller_subject VARCHAR(64)  NOT NULL,
    operation      VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(128) NOT NULL,
    body_hash      CHAR(64)     NOT NULL,
    result_ref     VARCHAR(128),
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (caller_subject, operation, request_id)
) DEFAULT CHARSET = utf8mb4;

-- Văn bản chỉ đạo: what a unit issued, with its signed PDF (a digitization-service document).
CREATE TABLE task_directive (
    directive_id  VARCHAR(32)   NOT NULL PRIMARY KEY,
    issuing_unit  VARCHAR(32)   NOT NULL,
    number        VARCHAR(64)   NOT NULL,
    signed_on     DATE          NOT NULL,
    title         VARCHAR(1000) NOT NULL,
    signer        VARCHAR(255)  NOT NULL,
    document_id   VARCHAR(64),
    issued_by     VARCHAR(128)  NOT NULL,
    issued_at     DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;

-- A unit does not issue two directives under the same number in a year (the number is the document's identity).
CREATE UNIQUE INDEX ux_task_directive_number ON task_directive (issuing_unit, number, signed_on);
CREATE INDEX ix_task_directive_unit ON task_directive (issuing_unit, issued_at);

-- A task of a directive; kind TASK or CAMPAIGN; template_json holds a campaign's columns and prefill.
CREATE TABLE task_item (
    task_id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    directive_id     VARCHAR(32)   NOT NULL,
    issuing_unit     VARCHAR(32)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    description      VARCHAR(4000) NOT NULL,
    expected_output  VARCHAR(24)   NOT NULL,
    template_json    MEDIUMTEXT,
    follow_up_user   VARCHAR(128)  NOT NULL,
    created_by       VARCHAR(128)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_task_item_directive ON task_item (directive_id);
CREATE INDEX ix_task_item_issuer ON task_item (issuing_unit, created_at);

-- One unit's duty in a task: stage ASSIGNEE (to the issuer) or UPWARD (a campaign issuer to its parent). The one
-- home of timeliness: done_at is set once, by CompleteTask or by the first submission of the unit's campaign report.
CREATE TABLE task_assignment (
    task_id             VARCHAR(32)  NOT NULL,
    unit_code           VARCHAR(32)  NOT NULL,
    stage               VARCHAR(16)  NOT NULL,
    deadline_at         DATETIME(6)  NOT NULL,
    -- deadline_at moved past days off of the work calendar when it was set
    effective_deadline_at DATETIME(6) NOT NULL,
    done_at             DATETIME(6),
    done_by             VARCHAR(128),
    answer              BOOLEAN,
    document_id         VARCHAR(64),
    note                VARCHAR(4000),
    progress_percent    INT          NOT NULL DEFAULT 0,
    last_activity_at    DATETIME(6),
    PRIMARY KEY (task_id, unit_code)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_task_assignment_unit ON task_assignment (unit_code, done_at, effective_deadline_at);
-- the reminder sweep: open assignments by deadline
CREATE INDEX ix_task_assignment_open ON task_assignment (done_at, effective_deadline_at);

CREATE TABLE task_progress (
    progress_id   VARCHAR(32)   NOT NULL PRIMARY KEY,
    task_id       VARCHAR(32)   NOT NULL,
    unit_code     VARCHAR(32)   NOT NULL,
    text          VARCHAR(4000) NOT NULL,
    percent       INT           NOT NULL,
    -- JSON array of document ids
    document_ids  VARCHAR(2000) NOT NULL,
    reported_by   VARCHAR(128)  NOT NULL,
    reported_at   DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_task_progress_task ON task_progress (task_id, unit_code, reported_at);

-- One version of one unit's campaign report. A DRAFT is replaced by each save; SUBMITTED and later are frozen
-- except for their state columns. The unique key stops two saves from both creating version n+1.
CREATE TABLE campaign_report (
    report_id        VARCHAR(32)   NOT NULL PRIMARY KEY,
    task_id          VARCHAR(32)   NOT NULL,
    unit_code        VARCHAR(32)   NOT NULL,
    version          INT           NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    consolidation    BOOLEAN       NOT NULL,
    -- JSON array of rows ({cells: {key: value}, sourceUnitCode, sourceUnitName})
    rows_json        MEDIUMTEXT    NOT NULL,
    row_count        INT           NOT NULL,
    saved_by         VARCHAR(128)  NOT NULL,
    saved_at         DATETIME(6)   NOT NULL,
    submitted_by     VARCHAR(128),
    submitted_at     DATETIME(6),
    late             BOOLEAN       NOT NULL DEFAULT FALSE,
    returned_by      VARCHAR(128),
    returned_at      DATETIME(6),
    return_reason    VARCHAR(1000),
    accepted_by      VARCHAR(128),
    accepted_at      DATETIME(6),
    -- JSON array of the report ids a consolidation took in
    source_report_ids VARCHAR(8000)
) DEFAULT CHARSET = utf8mb4;

CREATE UNIQUE INDEX ux_campaign_report_version ON campaign_report (task_id, unit_code, version);

-- Where a unit's reminders are e-mailed (JSON arrays of addresses).
CREATE TABLE task_contact (
    unit_code        VARCHAR(32)   NOT NULL PRIMARY KEY,
    assignee_emails  VARCHAR(4000) NOT NULL,
    leader_emails    VARCHAR(4000) NOT NULL,
    updated_by       VARCHAR(128)  NOT NULL,
    updated_at       DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;

-- The in-app inbox. dedup_key makes each reminder once: (task, unit, kind, offset) for reminders, so a sweep that
-- runs twice (two replicas for a moment, a retry after a crash) inserts it once.
CREATE TABLE task_notification (
    notification_id  VARCHAR(32)   NOT NULL PRIMARY KEY,
    task_id          VARCHAR(32)   NOT NULL,
    unit_code        VARCHAR(32)   NOT NULL,
    audience         VARCHAR(16)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    message          VARCHAR(2000) NOT NULL,
    dedup_key        VARCHAR(200)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    read_at          DATETIME(6),
    -- NULL: the e-mail is not sent yet (the sweep's outbox); 0: nothing to send to
    emailed_to       INT,
    email_attempts   INT           NOT NULL DEFAULT 0,
    email_error      VARCHAR(1000)
) DEFAULT CHARSET = utf8mb4;

CREATE UNIQUE INDEX ux_task_notification_dedup ON task_notification (dedup_key);
CREATE INDEX ix_task_notification_inbox ON task_notification (unit_code, audience, created_at);
CREATE INDEX ix_task_notification_unsent ON task_notification (emailed_to, created_at);

-- Days off and make-up workdays of the work calendar, projected from dossier-service's calendar.* feed events
-- (scope '' = nationwide, else the unit whose subtree it applies to), for effective deadlines and working days late.
CREATE TABLE task_calendar_day (
    scope      VARCHAR(32)  NOT NULL,
    day        DATE         NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    name       VARCHAR(255) NOT NULL,
    PRIMARY KEY (scope, day)
) DEFAULT CHARSET = utf8mb4;
