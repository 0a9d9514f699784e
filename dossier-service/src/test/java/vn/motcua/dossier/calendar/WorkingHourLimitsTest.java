package vn.motcua.dossier.calendar;

import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import org.junit.jupiter.api.Test;

class WorkingHourLimitsTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();

    @Test
    void fourWorkingHoursFromMidMorningSpanTheLunchBreak() {
        // 10:00–11:30 = 90, 13:30–16:00 = 150.
        assertLocal("2026-03-10T16:00", calculator.dueAt(vn("2026-03-10T10:00"), TimeLimit.workingHours(4)));
    }

    @Test
    void halfDayLimitEndingExactlyAtMorningCloseIsDueAt1130NotAfterLunch() {
        assertLocal("2026-03-10T11:30", calculator.dueAt(vn("2026-03-10T07:30"), TimeLimit.workingHours(4)));
    }

    @Test
    void limitEndingExactlyAtAfternoonCloseIsDueAt1700NotNextMorning() {
        assertLocal("2026-03-10T17:00", calculator.dueAt(vn("2026-03-10T14:00"), TimeLimit.workingHours(3)));
    }

    @Test
    void eightWorkingHoursFromSevenAmEndAtFivePmSameDay() {
        assertLocal("2026-03-10T17:00", calculator.dueAt(vn("2026-03-10T07:00"), TimeLimit.workingHours(8)));
    }

    @Test
    void oneHourFromMorningCloseStartsAfterLunch() {
        assertLocal("2026-03-10T14:30", calculator.dueAt(vn("2026-03-10T11:30"), TimeLimit.workingHours(1)));
    }

    @Test
    void hoursOverflowingTheAfternoonContinueNextMorning() {
        // 16:00–17:00 = 60, next day 07:00–10:00 = 180.
        assertLocal("2026-03-11T10:00", calculator.dueAt(vn("2026-03-10T16:00"), TimeLimit.workingHours(4)));
    }

    @Test
    void workingHoursIgnoreTheWorkingDayMode() {
        DeadlineCalculator endOfDay = new DeadlineCalculator(
                VietnamHolidays2026.standardCalendar(),
                DeadlinePolicy.DEFAULT.withWorkingDayMode(WorkingDayMode.END_OF_DAY));
        assertLocal("2026-03-10T16:00", endOfDay.dueAt(vn("2026-03-10T10:00"), TimeLimit.workingHours(4)));
    }
}
