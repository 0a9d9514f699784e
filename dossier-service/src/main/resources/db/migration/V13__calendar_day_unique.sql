-- One calendar entry per day and scope (nationwide or one unit), enforced by the database: two administrators adding
-- the same day at once both passed CalendarAdministration's look-up before either inserted, and the table got the day
-- twice (removing it then took two removals). Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).

-- Rows such a race already left: the first one stays (duplicates carry the same kind, the look-up refused a second
-- kind on a taken day). The derived table lets MySQL read the table it deletes from.
DELETE FROM calendar_day_override
 WHERE id NOT IN (SELECT keep_id FROM (SELECT MIN(id) AS keep_id FROM calendar_day_override
                                        GROUP BY COALESCE(unit_code, ''), day) AS kept);

-- unit_code NULL means nationwide, and a unique index lets NULLs repeat: the scope column names it '' instead.
-- Generated (no VIRTUAL/STORED keyword: MySQL and MariaDB default to VIRTUAL, which InnoDB indexes; H2 reads the same
-- syntax), so no code writes it.
ALTER TABLE calendar_day_override ADD COLUMN scope_code VARCHAR(32) GENERATED ALWAYS AS (COALESCE(unit_code, ''));
CREATE UNIQUE INDEX ux_calendar_day_scope ON calendar_day_override (scope_code, day);
