package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One working day (HOURS_8) from receptions at every kind of moment of an ordinary week. */
class ReceptionOutsideWorkingTimeTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();
    private final TimeLimit oneDay = TimeLimit.workingDays(1);

    @Test
    void receptionInsideMorningSessionIsDueAtSameClockTimeNextWorkingDay() {
        assertLocal("2026-03-11T09:15", calculator.dueAt(vn("2026-03-10T09:15"), oneDay));
    }

    @Test
    void dueInstantIsExpressedInUtc() {
        // 09:15 in Hanoi is 02:15 UTC: guards against computing in the JVM default zone.
        assertEquals(
                Instant.parse("2026-03-11T02:15:00Z"), calculator.dueAt(Instant.parse("2026-03-10T02:15:00Z"), oneDay));
    }

    @Test
    void secondsOfTheReceptionMomentAreKept() {
        assertLocal("2026-03-11T09:15:37", calculator.dueAt(vn("2026-03-10T09:15:37"), oneDay));
    }

    @Test
    void severalWorkingDaysKeepTheClockTime() {
        assertLocal("2026-03-12T09:15", calculator.dueAt(vn("2026-03-09T09:15"), TimeLimit.workingDays(3)));
    }

    @Test
    void receptionDuringLunchBreakCountsFromAfternoonSessionAndEndsAtNextMorningSessionEnd() {
        // 13:30–17:00 (210) + 07:00–11:30 (270) = 480: the walk ends exactly at 11:30, which is
        // the due moment, not 13:30.
        assertLocal("2026-03-11T11:30", calculator.dueAt(vn("2026-03-10T12:00"), oneDay));
    }

    @Test
    void receptionAfterFivePmCountsFromNextMorningAndEndsAtItsClose() {
        assertLocal("2026-03-11T17:00", calculator.dueAt(vn("2026-03-10T17:45"), oneDay));
    }

    @Test
    void receptionExactlyAtFivePmIsOutsideWorkingTime() {
        assertLocal("2026-03-11T17:00", calculator.dueAt(vn("2026-03-10T17:00"), oneDay));
    }

    @Test
    void receptionBeforeSevenAmCountsFromSevenAndIsDueTheSameEvening() {
        assertLocal("2026-03-10T17:00", calculator.dueAt(vn("2026-03-10T06:30"), oneDay));
    }

    @Test
    void receptionExactlyAtMorningCloseCountsFromAfternoonSession() {
        assertLocal("2026-03-11T11:30", calculator.dueAt(vn("2026-03-10T11:30"), oneDay));
    }

    @Test
    void receptionOnSaturdayCountsFromMondayMorning() {
        assertLocal("2026-03-16T17:00", calculator.dueAt(vn("2026-03-14T09:00"), oneDay));
    }

    @Test
    void receptionOnSundayCountsFromMondayMorning() {
        assertLocal("2026-03-16T17:00", calculator.dueAt(vn("2026-03-15T20:00"), oneDay));
    }

    @Test
    void unitWithSaturdayMorningReceptionCountsSaturdayHours() {
        WeeklySchedule schedule =
                WeeklySchedule.standard().withDay(DayOfWeek.SATURDAY, List.of(Session.of("07:00", "11:30")));
        DeadlineCalculator saturdayUnit =
                new DeadlineCalculator(new WorkCalendar(schedule, VietnamHolidays2026.ROWS), DeadlinePolicy.DEFAULT);
        // Sat 09:00–11:30 (150) + Mon 07:00–11:30 (270) + 13:30–14:30 (60) = 480.
        assertLocal("2026-03-16T14:30", saturdayUnit.dueAt(vn("2026-03-14T09:00"), oneDay));
        // Saturday afternoon is still off for that unit.
        assertLocal("2026-03-16T17:00", saturdayUnit.dueAt(vn("2026-03-14T13:30"), oneDay));
    }
}
