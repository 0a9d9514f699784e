package vn.motcua.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The reception cut-off of a deployment's deadline policy (domain.md §6.2: "Policy = {dayMode, receptionCutoff (e.g.
 * 15:00 or end of PM session), ...}"; ND61 Art 18 lets paper received after 15:00 move the next morning; Decree
 * 45/2020 counts online dossiers filed outside office hours from the next working day [U, exact article]). A dossier
 * received at or after the cut-off is deemed received at the opening of the next working day; without a cut-off
 * (the default) only reception after the last session moves to the next session (OpenCPS, domain.md §6.2).
 */
class ReceptionAfterTheCutOffCountsFromTheNextWorkingDayTest {

    private static final LocalTime THREE_PM = LocalTime.of(15, 0);

    private final DeadlineCalculator byDefault = VietnamHolidays2026.defaultCalculator();
    private final DeadlineCalculator withCutOff =
            new DeadlineCalculator(byDefault.calendar(), DeadlinePolicy.DEFAULT.withReceptionCutoff(THREE_PM));

    @Test
    void theDefaultPolicyHasNoCutOff() {
        assertThat(DeadlinePolicy.DEFAULT.receptionCutoff()).isNull();
        // Tuesday 16:00 + 8 working hours: the same clock time the next working day
        assertLocal("2026-03-11T16:00", byDefault.dueAt(vn("2026-03-10T16:00"), TimeLimit.workingDays(1)));
    }

    @Test
    void receptionAfterTheCutOffCountsFromTheNextWorkingDaysOpening() {
        // deemed received Wednesday 07:00: one working day (480 min) ends Wednesday 17:00
        assertLocal("2026-03-11T17:00", withCutOff.dueAt(vn("2026-03-10T16:00"), TimeLimit.workingDays(1)));
        assertLocal("2026-03-11T11:00", withCutOff.dueAt(vn("2026-03-10T15:00"), TimeLimit.workingHours(4)));
    }

    @Test
    void receptionBeforeTheCutOffCountsFromItsOwnMoment() {
        assertLocal("2026-03-11T14:59", withCutOff.dueAt(vn("2026-03-10T14:59"), TimeLimit.workingDays(1)));
    }

    @Test
    void aFridayAfternoonReceptionAfterTheCutOffCountsFromMonday() {
        assertLocal("2026-03-16T17:00", withCutOff.dueAt(vn("2026-03-13T15:30"), TimeLimit.workingDays(1)));
    }

    @Test
    void underEndOfDayTheReceptionDayBecomesTheNextWorkingDay() {
        DeadlineCalculator endOfDay = new DeadlineCalculator(
                byDefault.calendar(),
                DeadlinePolicy.DEFAULT
                        .withWorkingDayMode(WorkingDayMode.END_OF_DAY)
                        .withReceptionCutoff(THREE_PM));
        // before the cut-off: Tuesday does not count, Wednesday is day 1
        assertLocal("2026-03-11T17:00", endOfDay.dueAt(vn("2026-03-10T14:00"), TimeLimit.workingDays(1)));
        // after it: deemed received Wednesday, Thursday is day 1
        assertLocal("2026-03-12T17:00", endOfDay.dueAt(vn("2026-03-10T15:30"), TimeLimit.workingDays(1)));
    }

    @Test
    void aSupplementReceivedAfterTheCutOffRestartsTheLimitFromTheNextWorkingDay() {
        // ND61 Art 19(4): the limit counts again from the completed supplement, itself a reception
        assertLocal(
                "2026-03-11T17:00", withCutOff.dueAfterSupplement(vn("2026-03-10T16:30"), TimeLimit.workingDays(1)));
    }
}
