package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines across the 2026 days off and swaps of domain.md §18.6. */
class Holidays2026CalendarTest {

    private final WorkCalendar calendar = VietnamHolidays2026.standardCalendar();
    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();

    @Test
    void twoWorkingDaysAcrossTetBlockSkipTheWholeHolidayWeek() {
        // Fri 13/02 10:00–17:00 = 300, Mon 23/02 = 480, Tue 24/02 07:00–10:00 = 180.
        assertLocal("2026-02-24T10:00", calculator.dueAt(vn("2026-02-13T10:00"), TimeLimit.workingDays(2)));
    }

    @Test
    void tetDaysAreOffAndWorkResumesMonday23February() {
        for (LocalDate d = LocalDate.parse("2026-02-14");
                d.isBefore(LocalDate.parse("2026-02-23"));
                d = d.plusDays(1)) {
            assertFalse(calendar.isWorkingDay(d), d.toString());
        }
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-02-23")));
    }

    @Test
    void makeUpSaturday22AugustIsWorkedWithWeekdaySessions() {
        LocalDate makeUp = LocalDate.parse("2026-08-22");
        assertEquals(DayOfWeek.SATURDAY, makeUp.getDayOfWeek());
        assertTrue(calendar.isWorkingDay(makeUp));
        assertEquals(WeeklySchedule.STANDARD_DAY, calendar.sessions(makeUp));
        assertLocal("2026-08-22T10:00", calculator.dueAt(vn("2026-08-21T10:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void otherSaturdaysAroundTheMakeUpDayStayOff() {
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-08-15")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-08-29")));
    }

    @Test
    void quocKhanhSwapSkipsMonday31AugustToWednesday2September() {
        // Fri 28/08 10:00–17:00 = 300; 29/08–02/09 off; Thu 03/09 07:00–10:00 = 180.
        assertLocal("2026-09-03T10:00", calculator.dueAt(vn("2026-08-28T10:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void gioToOnSundayIsCompensatedByMonday27April() {
        assertLocal("2026-04-28T10:00", calculator.dueAt(vn("2026-04-24T10:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void reunificationAndLabourDaysPlusWeekendFormAFourDayBreak() {
        assertLocal("2026-05-04T10:00", calculator.dueAt(vn("2026-04-29T10:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void newYearsDay2027OnFridayPushesLastDayOf2026ReceptionToMonday() {
        assertEquals(DayOfWeek.FRIDAY, LocalDate.parse("2027-01-01").getDayOfWeek());
        // Thu 31/12 15:00–17:00 = 120; Mon 04/01 07:00–11:30 = 270, 13:30–15:00 = 90.
        assertLocal("2027-01-04T15:00", calculator.dueAt(vn("2026-12-31T15:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void newYearsDay2026IsOff() {
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-01-01")));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-01-02")));
    }

    @Test
    void withoutTheHolidayTableTheSameReceptionWouldBeDueOnNewYearsDay() {
        // Shows that holidays come from the rows, not from code.
        DeadlineCalculator noHolidays = new DeadlineCalculator(WorkCalendar.standard(List.of()));
        assertLocal("2027-01-01T15:00", noHolidays.dueAt(vn("2026-12-31T15:00"), TimeLimit.workingDays(1)));
    }
}
