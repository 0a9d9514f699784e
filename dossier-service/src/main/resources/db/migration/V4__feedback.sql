-- Feedback on administrative regulations (phản ánh, kiến nghị; Decree 20/2008, domain.md §13) and citizens'
-- reactions to published answers. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL); instants are
-- DATETIME(6) UTC bound through UtcTimestamps.

CREATE TABLE feedback (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    unit_code            VARCHAR(32)    NOT NULL,
    title                VARCHAR(300)   NOT NULL,
    content              MEDIUMTEXT     NOT NULL,
    -- Personal data (Art 7): shown to the sender and the unit's controllers only, never on the change feed.
    sender_name          VARCHAR(200)   NOT NULL,
    sender_address       VARCHAR(500),
    sender_contact       VARCHAR(200),
    -- The CCCD of a citizen who filed online (from the token), so that they find it again; null when recorded.
    sender_citizen_id    VARCHAR(12),
    -- CITIZEN_ONLINE or OFFICER_RECORDED (written or phoned in), and who pressed the button.
    intake               VARCHAR(20)    NOT NULL,
    submitted_by_subject VARCHAR(64)    NOT NULL,
    dossier_code         VARCHAR(64),
    state                VARCHAR(16)    NOT NULL,
    classification       VARCHAR(40),
    classification_note  VARCHAR(2000),
    forwarded_to         VARCHAR(300),
    forward_note         VARCHAR(2000),
    answer               MEDIUMTEXT,
    received_at          DATETIME(6)    NOT NULL,
    classified_at        DATETIME(6),
    forwarded_at         DATETIME(6),
    answered_at          DATETIME(6),
    published_at         DATETIME(6),
    -- Deadline of the step the unit owes now (classify/forward, answer or publish); null once handled.
    step_due_at          DATETIME(6),
    -- Whether each step met its deadline, judged when it was done; null for steps not done.
    classified_in_time   BOOLEAN,
    forwarded_in_time    BOOLEAN,
    answered_in_time     BOOLEAN,
    published_in_time    BOOLEAN,
    likes                INT            NOT NULL DEFAULT 0,
    dislikes             INT            NOT NULL DEFAULT 0,
    row_version          BIGINT         NOT NULL DEFAULT 0
) DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_feedback_unit_due ON feedback (unit_code, step_due_at);
CREATE INDEX ix_feedback_state_published ON feedback (state, published_at);
CREATE INDEX ix_feedback_sender ON feedback (sender_citizen_id);

-- One reaction per citizen and published answer; a citizen may change it.
CREATE TABLE feedback_reaction (
    feedback_id  VARCHAR(36)   NOT NULL,
    citizen_id   VARCHAR(12)   NOT NULL,
    reaction     VARCHAR(8)    NOT NULL,
    reacted_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (feedback_id, citizen_id)
) DEFAULT CHARSET = utf8mb4;
