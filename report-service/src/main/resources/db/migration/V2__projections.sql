-- Issue 13: the reporting projections. Everything here is rebuilt by replaying the feeds from seq 0 (imported
-- dossiers are re-applied from import_row, V4); nothing here is a source of truth.
-- Local days and months are Asia/Ho_Chi_Minh; instants are UTC (ADR 0002: bound as text).

-- The unit dimension from dossier-service's unit feed (unit.created / renamed / closed / merged). The existing
-- unit_ancestor closure (V1) stays the one way to ask "this unit and everything below it".
CREATE TABLE unit_dim (
    code           VARCHAR(32)  NOT NULL PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    -- common.v1.UnitLevel number (1 province, 2 district, 3 commune); 0 when only seen on a dossier's unit_path
    level          INT          NOT NULL,
    parent_code    VARCHAR(32),
    agency_code    VARCHAR(32),
    valid_from     DATE,
    valid_to       DATE,
    successor_code VARCHAR(32)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_unit_dim_parent ON unit_dim (parent_code);

-- The procedure dimension from procedure.published / withdrawn (latest version per code). level: common.v1.UnitLevel
-- number; online_level: dossier.v1.OnlineLevel number; withdrawn: the latest version was withdrawn.
CREATE TABLE procedure_dim (
    code                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    version               INT          NOT NULL,
    name                  VARCHAR(1000) NOT NULL,
    field_code            VARCHAR(255) NOT NULL,
    level                 INT          NOT NULL,
    online_level          INT          NOT NULL,
    requires_paper_result BOOLEAN      NOT NULL,
    withdrawn             BOOLEAN      NOT NULL
) DEFAULT CHARSET = utf8mb4;

-- Every published version, so that a dossier takes the field of the version it was filed under (procedure_dim, the
-- latest version, when its own is unknown, e.g. an import without version).
CREATE TABLE procedure_version_dim (
    code                  VARCHAR(64)  NOT NULL,
    version               INT          NOT NULL,
    field_code            VARCHAR(255) NOT NULL,
    requires_paper_result BOOLEAN      NOT NULL,
    PRIMARY KEY (code, version)
) DEFAULT CHARSET = utf8mb4;

-- One row per dossier: live ones keyed by the dossier feed's aggregate_id (never changes), imported ones by
-- 'IMPORT:' + their code. code is the legal code once received (the submission reference before).
CREATE TABLE dossier_fact (
    fact_id               VARCHAR(80)  NOT NULL PRIMARY KEY,
    code                  VARCHAR(64)  NOT NULL,
    -- the statistics unit: the competent unit (receiving unit when none)
    unit_code             VARCHAR(32)  NOT NULL,
    receiving_unit_code   VARCHAR(32)  NOT NULL,
    handling_unit_code    VARCHAR(32),
    procedure_code        VARCHAR(64)  NOT NULL,
    procedure_version     INT          NOT NULL,
    -- derived: the field of the procedure version (procedure_version_dim, else procedure_dim), '' when unknown
    field_code            VARCHAR(255) NOT NULL,
    -- COUNTER, ONLINE, POSTAL
    channel               VARCHAR(16)  NOT NULL,
    -- DossierStatus name without prefix, e.g. IN_PROCESS
    state                 VARCHAR(32)  NOT NULL,
    -- ISSUED, REFUSED, REJECTED, WITHDRAWN, STOPPED; NULL while open
    result_kind           VARCHAR(16),
    legal_regime          VARCHAR(16),
    boundary_free         BOOLEAN      NOT NULL,
    extension_used        BOOLEAN      NOT NULL,
    submitted_at          DATETIME(6),
    received_at           DATETIME(6),
    original_due_at       DATETIME(6),
    due_at                DATETIME(6),
    finished_at           DATETIME(6),
    -- closed pauses (supplement) in seconds, and how many supplement requests (pre-reception ones included)
    paused_seconds        BIGINT       NOT NULL,
    supplement_requests   INT          NOT NULL,
    -- of which before reception (dossier.pre_supplement_requested events: they leave no pause)
    pre_supplement_requests INT        NOT NULL DEFAULT 0,
    -- the officer the dossier was last assigned to (dossier.assigned), for Circular 01/2018 officer scores
    assignee              VARCHAR(128),
    rating_time           INT,
    rating_contacts       INT,
    rating_agencies       INT,
    rating_attitude       INT,
    rating_satisfied      BOOLEAN,
    rated_at              DATETIME(6),
    -- derived by the projection: EARLY, ON_TIME, LATE (II.06a rule, motcua.report.ii06a.*) or OPEN; on time by 766
    -- indicator 2.1 (FALSE while open)
    timeliness            VARCHAR(8)   NOT NULL,
    on_time_766           BOOLEAN      NOT NULL,
    imported              BOOLEAN      NOT NULL,
    import_id             VARCHAR(64),
    -- what this fact currently adds to stat_day / stat_month / i766_month (JSON, written by the projection only), so
    -- a change subtracts exactly what was added even if a dimension changed since
    counted               VARCHAR(2000),
    -- seq of the last dossier event applied to it (0 for an import)
    updated_seq           BIGINT       NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE UNIQUE INDEX ux_dossier_fact_code ON dossier_fact (code);
CREATE INDEX ix_dossier_fact_unit_received ON dossier_fact (unit_code, received_at);
CREATE INDEX ix_dossier_fact_unit_finished ON dossier_fact (unit_code, finished_at);
CREATE INDEX ix_dossier_fact_unit_open_due ON dossier_fact (unit_code, result_kind, due_at);
-- a procedure (re)published recomputes its dossiers' field and paper-result flags
CREATE INDEX ix_dossier_fact_procedure ON dossier_fact (procedure_code, fact_id);

-- Payments per payment id (payment feed; an imported dossier's payment flags as one row 'IMPORT:' + code); a
-- dossier's flags are the aggregate of its rows: a financial obligation = a row not CANCELLED, paid online = a row
-- with paid_at and channel ONLINE.
CREATE TABLE payment_fact (
    payment_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    dossier_code   VARCHAR(64) NOT NULL,
    unit_code      VARCHAR(32) NOT NULL,
    procedure_code VARCHAR(64) NOT NULL,
    -- PaymentStatus name without prefix (AWAITING, IN_PROGRESS, PAID, FAILED, CANCELLED, EXPIRED, ERROR); IMPORTED for
    -- an imported dossier's row that was not paid online (the national field set does not say more)
    status         VARCHAR(16) NOT NULL,
    -- PaymentChannel name without prefix (ONLINE, COUNTER_CASH, COUNTER_CARD, POSTAL); NULL until paid
    channel        VARCHAR(32),
    amount         BIGINT      NOT NULL,
    refunded       BIGINT      NOT NULL,
    created_at     DATETIME(6),
    paid_at        DATETIME(6)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_payment_fact_dossier ON payment_fact (dossier_code);

-- The whole-dossier digitization flags of the latest digitization event per dossier, under the dossier's stable key
-- (digitization-service's aggregate id: the submission reference of a dossier filed online, else its code; the same
-- as dossier_fact.fact_id of a live dossier), and an imported dossier's flags under its code.
CREATE TABLE digitization_fact (
    dossier_code          VARCHAR(64) NOT NULL PRIMARY KEY,
    components_complete   BOOLEAN     NOT NULL,
    result_electronic     BOOLEAN     NOT NULL,
    reuses_data           BOOLEAN     NOT NULL,
    linked_to_warehouse   BOOLEAN     NOT NULL,
    updated_at            DATETIME(6)
) DEFAULT CHARSET = utf8mb4;

-- Certified electronic copies (766 group 4, communes providing them).
CREATE TABLE certified_copy_fact (
    certificate_number VARCHAR(64) NOT NULL PRIMARY KEY,
    unit_code          VARCHAR(32) NOT NULL,
    certified_at       DATETIME(6) NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_certified_copy_unit ON certified_copy_fact (unit_code, certified_at);

-- Feedback (PAKN) per feedback id (766 group 5, Circular 01/2018 indicators 7 and 8).
CREATE TABLE feedback_fact (
    feedback_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    unit_code        VARCHAR(32) NOT NULL,
    dossier_code     VARCHAR(64),
    state            VARCHAR(32) NOT NULL,
    -- FeedbackClass name without prefix
    classification   VARCHAR(32),
    about_regulation BOOLEAN,
    received_at      DATETIME(6) NOT NULL,
    answered_at      DATETIME(6),
    handled_in_time  BOOLEAN,
    dissatisfied     BOOLEAN     NOT NULL,
    -- a follow-up about an earlier answer (FALSE for now: FeedbackChanged does not say it)
    repeated         BOOLEAN     NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_feedback_fact_unit ON feedback_fact (unit_code, received_at);
CREATE INDEX ix_feedback_fact_dossier ON feedback_fact (dossier_code);

-- II.06a and 766 2.1 counters per statistics unit, field and local day, maintained by delta from dossier_fact.
-- State at an instant T (start of a day) is a prefix sum: open = received - resolved before T; open and overdue =
-- due_count before T - closed_due_count before T (a finished dossier leaves the overdue count at max(due, finish)).
-- Only received dossiers count. On the local day of received_at: received_online / _counter / _postal by channel
-- (one of them per dossier), received_boundary_free. On the local day of finished_at of a resolved dossier (result
-- kind and finished_at set): exactly one of resolved_early / _on_time / _late (II.06a rule), late_with_apology (late
-- and extension_used), withdrawn (WITHDRAWN or STOPPED), refused (REFUSED or REJECTED), resolved_on_time_766. On the
-- local day of due_at (the appointment in force, extensions included): due_count; on the local day of max(due_at,
-- finished_at) of a resolved dossier with a due: closed_due_count. A row whose counters all fall to 0 is deleted, so
-- the table holds exactly the rows some dossier contributes to.
CREATE TABLE stat_day (
    unit_code                  VARCHAR(32)  NOT NULL,
    field_code                 VARCHAR(255) NOT NULL,
    day                        DATE         NOT NULL,
    received_online            BIGINT NOT NULL DEFAULT 0,
    received_counter           BIGINT NOT NULL DEFAULT 0,
    received_postal            BIGINT NOT NULL DEFAULT 0,
    received_boundary_free     BIGINT NOT NULL DEFAULT 0,
    resolved_early             BIGINT NOT NULL DEFAULT 0,
    resolved_on_time           BIGINT NOT NULL DEFAULT 0,
    resolved_late              BIGINT NOT NULL DEFAULT 0,
    resolved_late_with_apology BIGINT NOT NULL DEFAULT 0,
    withdrawn                  BIGINT NOT NULL DEFAULT 0,
    refused                    BIGINT NOT NULL DEFAULT 0,
    resolved_on_time_766       BIGINT NOT NULL DEFAULT 0,
    due_count                  BIGINT NOT NULL DEFAULT 0,
    closed_due_count           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, day, field_code)
) DEFAULT CHARSET = utf8mb4;

-- The same counters per calendar month (month = yyyymm), so a prefix over years reads months, not days.
CREATE TABLE stat_month (
    unit_code                  VARCHAR(32)  NOT NULL,
    field_code                 VARCHAR(255) NOT NULL,
    month                      INT          NOT NULL,
    received_online            BIGINT NOT NULL DEFAULT 0,
    received_counter           BIGINT NOT NULL DEFAULT 0,
    received_postal            BIGINT NOT NULL DEFAULT 0,
    received_boundary_free     BIGINT NOT NULL DEFAULT 0,
    resolved_early             BIGINT NOT NULL DEFAULT 0,
    resolved_on_time           BIGINT NOT NULL DEFAULT 0,
    resolved_late              BIGINT NOT NULL DEFAULT 0,
    resolved_late_with_apology BIGINT NOT NULL DEFAULT 0,
    withdrawn                  BIGINT NOT NULL DEFAULT 0,
    refused                    BIGINT NOT NULL DEFAULT 0,
    resolved_on_time_766       BIGINT NOT NULL DEFAULT 0,
    due_count                  BIGINT NOT NULL DEFAULT 0,
    closed_due_count           BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, field_code, month)
) DEFAULT CHARSET = utf8mb4;

-- 766 flag counters per statistics unit, procedure and calendar month of reception (month = yyyymm); received
-- dossiers only, each adding 0 or 1 to every column. A row whose counters all fall to 0 is deleted.
CREATE TABLE i766_month (
    unit_code               VARCHAR(32) NOT NULL,
    procedure_code          VARCHAR(64) NOT NULL,
    month                   INT         NOT NULL,
    received                BIGINT NOT NULL DEFAULT 0,
    received_online         BIGINT NOT NULL DEFAULT 0,
    received_postal         BIGINT NOT NULL DEFAULT 0,
    -- 3.3: online, and with an electronic result where the procedure requires a paper result
    online_counted          BIGINT NOT NULL DEFAULT 0,
    -- 3.6 (A): a financial obligation (a payment was requested), and paid online
    financial_obligation    BIGINT NOT NULL DEFAULT 0,
    paid_online             BIGINT NOT NULL DEFAULT 0,
    -- 4.1: of a procedure requiring a paper result, and with an electronic result
    paper_result_required   BIGINT NOT NULL DEFAULT 0,
    paper_result_electronic BIGINT NOT NULL DEFAULT 0,
    -- 4.2: components complete and an electronic result
    digitized               BIGINT NOT NULL DEFAULT 0,
    -- 4.3, 4.4
    reuses_data             BIGINT NOT NULL DEFAULT 0,
    linked_to_warehouse     BIGINT NOT NULL DEFAULT 0,
    -- 5.3: resolved late (vs. due_at), and with a PAKN or a dissatisfied rating
    resolved_late           BIGINT NOT NULL DEFAULT 0,
    feedback_or_dislike     BIGINT NOT NULL DEFAULT 0,
    rated                   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, month, procedure_code)
) DEFAULT CHARSET = utf8mb4;

-- One row: the projection's generation (incremented by each rebuild) and where a rebuild stands. Every writer of the
-- projection locks this row first (SELECT ... FOR UPDATE), so writers apply one at a time, and refuses to write
-- while resetting is TRUE. A rebuild: (1) generation + 1, resetting and rebuilding TRUE, committed; (2) every
-- projection table emptied, report-service's feed cursors and dedup log dropped; (3) resetting FALSE; (4) imported
-- histories re-applied, then rebuilding FALSE. A restart finds the flags and redoes (2)-(3) and (4), which are
-- idempotent, so a kill -9 anywhere converges; the feeds replay from seq 0 once the cursors are gone.
CREATE TABLE projection_state (
    id            INT           NOT NULL PRIMARY KEY,
    generation    BIGINT        NOT NULL,
    -- imported histories still to be re-applied after a reset
    rebuilding    BOOLEAN       NOT NULL,
    -- a reset in progress: the projection tables may be partly emptied
    resetting     BOOLEAN       NOT NULL DEFAULT FALSE,
    started_at    DATETIME(6),
    -- the last rebuild: who asked (username) and why
    requested_by  VARCHAR(128),
    reason        VARCHAR(1000)
) DEFAULT CHARSET = utf8mb4;

INSERT INTO projection_state (id, generation, rebuilding, started_at) VALUES (1, 0, FALSE, NULL);
