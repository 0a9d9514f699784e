-- Units and the work calendar become data maintained by unit administrators (UnitAdminService,
-- WorkCalendarService). Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).

-- A merged unit points to the unit that took over; its own row (code, agency code, name) stays as it was, so
-- dossiers received under it keep their codes and forms keep printing what they printed.
ALTER TABLE admin_unit ADD COLUMN successor_code VARCHAR(32);

-- Dossier codes start with the agency code: two units with one agency code would share a code counter.
CREATE UNIQUE INDEX ux_admin_unit_agency ON admin_unit (agency_code);
CREATE INDEX ix_admin_unit_parent ON admin_unit (parent_code);

-- A unit's own weekly sessions; a unit without rows follows its nearest ancestor with rows, and the national
-- standard (Decision 188/1999) when none has any. weekday is MONDAY..SUNDAY, or MAKEUP for the sessions of a
-- make-up working day. Local times in Asia/Ho_Chi_Minh.
CREATE TABLE unit_work_session (
    unit_code VARCHAR(32) NOT NULL,
    weekday   VARCHAR(16) NOT NULL,
    starts_at TIME        NOT NULL,
    ends_at   TIME        NOT NULL,
    PRIMARY KEY (unit_code, weekday, starts_at)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_calendar_unit_day ON calendar_day_override (unit_code, day);
