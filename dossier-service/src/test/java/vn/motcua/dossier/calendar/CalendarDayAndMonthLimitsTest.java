package vn.motcua.dossier.calendar;

import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import org.junit.jupiter.api.Test;

/** Civil Code art. 147–148: first day not counted, a non-working last day rolls forward. */
class CalendarDayAndMonthLimitsTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();

    @Test
    void calendarDaysEndAtCloseOfTheLastDay() {
        assertLocal("2026-03-12T17:00", calculator.dueAt(vn("2026-03-09T10:00"), TimeLimit.calendarDays(3)));
    }

    @Test
    void receptionDayIsNotCountedWhateverTheHour() {
        assertLocal("2026-03-10T17:00", calculator.dueAt(vn("2026-03-09T23:59:59"), TimeLimit.calendarDays(1)));
        assertLocal("2026-03-10T17:00", calculator.dueAt(vn("2026-03-09T00:00"), TimeLimit.calendarDays(1)));
    }

    @Test
    void lastDayOnSundayRollsToCloseOfMonday() {
        assertLocal("2026-03-16T17:00", calculator.dueAt(vn("2026-03-09T10:00"), TimeLimit.calendarDays(6)));
    }

    @Test
    void lastDayOnSaturdayRollsToCloseOfMonday() {
        assertLocal("2026-03-16T17:00", calculator.dueAt(vn("2026-03-09T10:00"), TimeLimit.calendarDays(5)));
    }

    @Test
    void lastDayInsideTetRollsToFirstWorkingDayAfter() {
        assertLocal("2026-02-23T17:00", calculator.dueAt(vn("2026-02-13T10:00"), TimeLimit.calendarDays(4)));
    }

    @Test
    void calendarDaysCountHolidaysInTheMiddle() {
        // 10 days from 13/02 is Mon 23/02 whatever lies between.
        assertLocal("2026-02-23T17:00", calculator.dueAt(vn("2026-02-13T10:00"), TimeLimit.calendarDays(10)));
    }

    @Test
    void oneMonthFrom31JanuaryClampsTo28FebruaryThenRollsFromSaturdayToMonday() {
        assertLocal("2026-03-02T17:00", calculator.dueAt(vn("2026-01-31T10:00"), TimeLimit.months(1)));
    }

    @Test
    void oneMonthFrom31OctoberClampsTo30NovemberAWorkingMonday() {
        assertLocal("2026-11-30T17:00", calculator.dueAt(vn("2026-10-31T10:00"), TimeLimit.months(1)));
    }

    @Test
    void oneMonthFrom31MarchLandsOnReunificationDayAndRollsPastLabourDayAndWeekend() {
        assertLocal("2026-05-04T17:00", calculator.dueAt(vn("2026-03-31T10:00"), TimeLimit.months(1)));
    }

    @Test
    void monthsKeepTheDayOfMonth() {
        assertLocal("2026-06-10T17:00", calculator.dueAt(vn("2026-03-10T10:00"), TimeLimit.months(3)));
    }

    @Test
    void calendarDayLimitEndingOnMakeUpSaturdayEndsThatSaturday() {
        assertLocal("2026-08-22T17:00", calculator.dueAt(vn("2026-08-21T10:00"), TimeLimit.calendarDays(1)));
    }
}
