package vn.motcua.dossier.calendar;

import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndOfDayWorkingDayModeTest {

    private final DeadlinePolicy endOfDayPolicy = DeadlinePolicy.DEFAULT.withWorkingDayMode(WorkingDayMode.END_OF_DAY);
    private final DeadlineCalculator calculator =
            new DeadlineCalculator(VietnamHolidays2026.standardCalendar(), endOfDayPolicy);

    @Test
    void oneWorkingDayIsDueAtCloseOfNextWorkingDay() {
        assertLocal("2026-03-11T17:00", calculator.dueAt(vn("2026-03-10T10:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void threeWorkingDaysFromTuesdayAreDueFridayClose() {
        assertLocal("2026-03-13T17:00", calculator.dueAt(vn("2026-03-10T10:00"), TimeLimit.workingDays(3)));
    }

    @Test
    void receptionDayIsNotCountedEvenBeforeOfficeOpens() {
        assertLocal("2026-03-11T17:00", calculator.dueAt(vn("2026-03-10T06:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void weekendReceptionCountsFromMonday() {
        assertLocal("2026-03-16T17:00", calculator.dueAt(vn("2026-03-14T10:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void tetBlockIsSkipped() {
        assertLocal("2026-02-24T17:00", calculator.dueAt(vn("2026-02-13T10:00"), TimeLimit.workingDays(2)));
    }

    @Test
    void makeUpSaturdayCountsAsAWorkingDay() {
        // Fri 21/08 reception: 1 = Sat 22/08 (make-up), 2 = Mon 24/08.
        assertLocal("2026-08-24T17:00", calculator.dueAt(vn("2026-08-21T10:00"), TimeLimit.workingDays(2)));
    }

    @Test
    void saturdayMorningUnitIsDueAtItsSaturdayClose() {
        WeeklySchedule schedule =
                WeeklySchedule.standard().withDay(DayOfWeek.SATURDAY, List.of(Session.of("07:00", "11:30")));
        DeadlineCalculator saturdayUnit =
                new DeadlineCalculator(new WorkCalendar(schedule, VietnamHolidays2026.ROWS), endOfDayPolicy);
        assertLocal("2026-03-14T11:30", saturdayUnit.dueAt(vn("2026-03-13T10:00"), TimeLimit.workingDays(1)));
    }
}
