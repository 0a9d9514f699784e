package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.motcua.dossier.calendar.DeadlineState.IN_TIME;
import static vn.motcua.dossier.calendar.DeadlineState.NEAR_DUE;
import static vn.motcua.dossier.calendar.DeadlineState.OVERDUE;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineStateAndApologyBoundaryTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();
    private final Instant due = vn("2026-03-11T09:15");

    @Test
    void exactlyOneWorkingDayLeftIsNearDue() {
        assertEquals(NEAR_DUE, calculator.stateAt(vn("2026-03-10T09:15"), due));
    }

    @Test
    void oneSecondMoreThanOneWorkingDayLeftIsInTime() {
        assertEquals(IN_TIME, calculator.stateAt(vn("2026-03-10T09:14:59"), due));
    }

    @Test
    void nearDueIsMeasuredInWorkingTimeNotWallClock() {
        // Lunch on Tuesday: 210 + 135 = 345 working minutes left although 21 h remain.
        assertEquals(NEAR_DUE, calculator.stateAt(vn("2026-03-10T12:00"), due));
        // Tuesday 08:00: 210 + 210 + 135 = 555.
        assertEquals(IN_TIME, calculator.stateAt(vn("2026-03-10T08:00"), due));
    }

    @Test
    void weekendDoesNotCountTowardsTimeLeft() {
        Instant mondayDue = vn("2026-03-16T09:00");
        assertEquals(IN_TIME, calculator.stateAt(vn("2026-03-13T08:59:59"), mondayDue));
        assertEquals(NEAR_DUE, calculator.stateAt(vn("2026-03-13T09:00"), mondayDue));
        assertEquals(NEAR_DUE, calculator.stateAt(vn("2026-03-14T09:00"), mondayDue));
    }

    @Test
    void atTheDueMomentTheDossierIsStillNotOverdue() {
        assertEquals(NEAR_DUE, calculator.stateAt(due, due));
    }

    @Test
    void oneSecondAfterDueIsOverdue() {
        assertEquals(OVERDUE, calculator.stateAt(vn("2026-03-11T09:15:01"), due));
    }

    @Test
    void apologyIsImpossibleAtOrAfterDue() {
        assertFalse(calculator.canApologise(due, due));
        assertFalse(calculator.canApologise(vn("2026-03-12T09:15"), due));
    }
}
