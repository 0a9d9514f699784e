package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Decree 61/2018 Art 19(9): the apology and new appointment are issued "at least one working day before the due
 * date" (chậm nhất 01 ngày trước hạn): a date rule, so the whole working day before the due date qualifies, whatever
 * the due minute; the due date itself does not (ADR 0004).
 */
class ApologyDeadlineIsTheWorkingDayBeforeTheDueDateTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();
    /** Wednesday morning: the day before is Tuesday. */
    private final Instant due = vn("2026-03-11T09:15");

    @Test
    void theLastMinuteOfTheWorkingDayBeforeStillQualifies() {
        // less than 8 working hours before the due minute, but on the day before the due date
        assertTrue(calculator.canApologise(vn("2026-03-10T16:30"), due));
        assertTrue(calculator.canApologise(vn("2026-03-10T23:59:59"), due));
    }

    @Test
    void theDueDateItselfIsTooLateEvenBeforeTheDueMinute() {
        assertFalse(calculator.canApologise(vn("2026-03-11T00:00"), due));
        assertFalse(calculator.canApologise(vn("2026-03-11T07:30"), due));
    }

    @Test
    void aWeekendBeforeAMondayDueIsNotAWorkingDay() {
        Instant mondayDue = vn("2026-03-16T16:00");
        assertTrue(calculator.canApologise(vn("2026-03-13T23:59:59"), mondayDue));
        assertFalse(calculator.canApologise(vn("2026-03-14T09:00"), mondayDue));
    }
}
