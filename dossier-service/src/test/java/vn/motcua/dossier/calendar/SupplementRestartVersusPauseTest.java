package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Received Mon 02/03/2026 08:00 with 5 working days, due Mon 09/03 08:00. A supplement is
 * requested Wed 04/03 08:00 and completed Fri 06/03 08:00 (two working days of waiting).
 */
class SupplementRestartVersusPauseTest {

    private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();
    private final TimeLimit fiveDays = TimeLimit.workingDays(5);
    private final Instant originalDue = calculator.dueAt(vn("2026-03-02T08:00"), fiveDays);
    private final Pause supplementWait = new Pause(vn("2026-03-04T08:00"), vn("2026-03-06T08:00"));

    @Test
    void originalDueIsFiveWorkingDaysLater() {
        assertLocal("2026-03-09T08:00", originalDue);
    }

    @Test
    void legalRestartCountsTheFullLimitAgainFromCompletion() {
        assertLocal("2026-03-13T08:00", calculator.dueAfterSupplement(vn("2026-03-06T08:00"), fiveDays));
    }

    @Test
    void pauseRuleOnlyAddsTheWaitingTimeBack() {
        assertLocal("2026-03-11T08:00", calculator.dueWithPausesSubtracted(originalDue, List.of(supplementWait)));
    }

    @Test
    void theTwoRulesGiveDifferentDueMoments() {
        assertNotEquals(
                calculator.dueAfterSupplement(supplementWait.to(), fiveDays),
                calculator.dueWithPausesSubtracted(originalDue, List.of(supplementWait)));
    }

    @Test
    void noPauseKeepsTheOriginalDue() {
        assertEquals(originalDue, calculator.dueWithPausesSubtracted(originalDue, List.of()));
    }

    @Test
    void overlappingPausesAreCountedOnce() {
        List<Pause> overlapping = List.of(
                new Pause(vn("2026-03-04T12:00"), vn("2026-03-06T08:00")),
                new Pause(vn("2026-03-04T08:00"), vn("2026-03-05T08:00")));
        assertLocal("2026-03-11T08:00", calculator.dueWithPausesSubtracted(originalDue, overlapping));
    }

    @Test
    void pauseNestedInsideAnotherAddsNothingExtra() {
        List<Pause> nested = List.of(supplementWait, new Pause(vn("2026-03-04T09:00"), vn("2026-03-04T10:00")));
        assertLocal("2026-03-11T08:00", calculator.dueWithPausesSubtracted(originalDue, nested));
    }

    @Test
    void onlyWorkingTimeInsideThePauseIsAddedBack() {
        // Fri 16:00–17:00 (60) + Mon 07:00–07:30 (30) = 90 minutes.
        Pause overWeekend = new Pause(vn("2026-03-06T16:00"), vn("2026-03-09T07:30"));
        assertLocal("2026-03-09T09:30", calculator.dueWithPausesSubtracted(originalDue, List.of(overWeekend)));
    }

    @Test
    void pauseEntirelyOutsideWorkingTimeChangesNothing() {
        Pause weekend = new Pause(vn("2026-03-07T08:00"), vn("2026-03-08T18:00"));
        assertEquals(originalDue, calculator.dueWithPausesSubtracted(originalDue, List.of(weekend)));
    }

    @Test
    void pauseStartedAfterTheDueCannotRescueALateDossier() {
        Pause late = new Pause(vn("2026-03-09T09:00"), vn("2026-03-10T09:00"));
        assertEquals(originalDue, calculator.dueWithPausesSubtracted(originalDue, List.of(late)));
    }

    @Test
    void pauseStartedBeforeAnAlreadyExtendedDueCounts() {
        // The first pause moves the due to Wed 11/03 08:00, so a pause on Tue 10/03 (after the
        // original due) began while the dossier was still in time.
        Pause second = new Pause(vn("2026-03-10T08:00"), vn("2026-03-10T10:00"));
        assertLocal(
                "2026-03-11T10:00", calculator.dueWithPausesSubtracted(originalDue, List.of(second, supplementWait)));
    }
}
