-- The dossier workflow (DossierWorkflowService): optimistic versioning, online submission, return channel,
-- the last deadline state the sweep announced, clock pauses and citizen ratings.
-- Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL); instants are DATETIME(6) UTC via UtcTimestamps.

-- Bumped by every transition: "UPDATE ... WHERE code = ? AND state = ? AND row_version = ?" touching 0 rows means
-- someone changed the dossier since it was read (self-transitions such as an extension keep the state, so the
-- state alone would not catch a concurrent second extension).
ALTER TABLE dossier ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
-- Online submission time (T1). The legal code is assigned then, received_at and due_at only at acceptance (T2).
ALTER TABLE dossier ADD COLUMN submitted_at DATETIME(6);
-- How the result was handed over (T16): COUNTER, ONLINE (e-result) or POSTAL.
ALTER TABLE dossier ADD COLUMN return_channel VARCHAR(16);
-- Last deadline state announced on the change feed by the sweep (IN_TIME, NEAR_DUE, OVERDUE); reset to IN_TIME
-- whenever due_at moves, so each crossing is announced exactly once.
ALTER TABLE dossier ADD COLUMN announced_deadline_state VARCHAR(16) NOT NULL DEFAULT 'IN_TIME';
CREATE INDEX ix_dossier_state_due ON dossier (state, due_at);
CREATE INDEX ix_dossier_receiving_state ON dossier (receiving_unit_code, state);

-- History: the step's target (assignee, consulted unit, return channel), the step's own deadline and the dossier
-- due time in force after the event (Form 04 prints the missed appointment, Form 05 judges hand-overs).
ALTER TABLE dossier_history ADD COLUMN step_target VARCHAR(128);
ALTER TABLE dossier_history ADD COLUMN step_due_at DATETIME(6);
ALTER TABLE dossier_history ADD COLUMN due_at DATETIME(6);

-- Clock pauses. A supplement request during processing opens one, the completed supplement closes it. The legal
-- due time restarts from the supplement date (ND61 Art 19(4)); the rows let reports compute the Decision 766
-- reading (original due plus paused working time) later.
CREATE TABLE dossier_pause (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dossier_code VARCHAR(64)   NOT NULL,
    kind         VARCHAR(24)   NOT NULL,
    started_at   DATETIME(6)   NOT NULL,
    ended_at     DATETIME(6),
    reason       VARCHAR(2000)
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_dossier_pause_code ON dossier_pause (dossier_code, started_at);

-- One rating per dossier by its applicant (Decree 61 Art 31 criteria, 1..5, 0 = not answered), kept raw.
CREATE TABLE dossier_rating (
    dossier_code   VARCHAR(64)   NOT NULL PRIMARY KEY,
    rater_subject  VARCHAR(64)   NOT NULL,
    time_score     INT           NOT NULL,
    contacts_score INT           NOT NULL,
    agencies_score INT           NOT NULL,
    attitude_score INT           NOT NULL,
    satisfied      BOOLEAN       NOT NULL,
    comment        VARCHAR(1000),
    rated_at       DATETIME(6)   NOT NULL
) DEFAULT CHARSET = utf8mb4;
