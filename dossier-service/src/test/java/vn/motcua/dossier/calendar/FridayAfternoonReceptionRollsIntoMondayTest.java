package vn.motcua.dossier.calendar;

import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import org.junit.jupiter.api.Test;

class FridayAfternoonReceptionRollsIntoMondayTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();

    @Test
    void oneWorkingDayFromFriday1655IsMonday1655() {
        // 5 minutes on Friday, 475 on Monday: the weekend contributes nothing.
        assertLocal("2026-03-16T16:55", calculator.dueAt(vn("2026-03-13T16:55"), TimeLimit.workingDays(1)));
    }

    @Test
    void oneWorkingHourFromFriday1655IsMonday0755() {
        assertLocal("2026-03-16T07:55", calculator.dueAt(vn("2026-03-13T16:55"), TimeLimit.workingHours(1)));
    }
}
