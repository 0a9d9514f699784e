package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.Pause;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.dossier.domain.DueTimes;

/**
 * Due times of a procedure's time limit in the competent unit's working calendar. Both are looked up only when a
 * transition's row asks for a due time, so that the other verbs read neither the calendar nor the procedure.
 */
final class ProcedureDueTimes implements DueTimes {

    private final Supplier<DeadlineCalculator> calendar;
    private final Supplier<TimeLimit> limit;
    private final Supplier<Instant> financialPauseStart;

    /**
     * @param financialPauseStart when the dossier's open financial-obligation pause began, null if none is open;
     *                            asked only when such an obligation is met
     */
    ProcedureDueTimes(
            Supplier<DeadlineCalculator> calendar, Supplier<TimeLimit> limit, Supplier<Instant> financialPauseStart) {
        this.calendar = calendar;
        this.limit = limit;
        this.financialPauseStart = financialPauseStart;
    }

    @Override
    public Instant dueAt(Instant clockStart) {
        return calendar.get().dueAt(clockStart, limit.get());
    }

    @Override
    public Instant dueAfterPause(Instant due, Instant resumedAt) {
        Instant pausedSince = financialPauseStart.get();
        if (pausedSince == null) {
            return due;
        }
        // a pause begun once the dossier was already late adds nothing (DeadlineCalculator.dueWithPausesSubtracted)
        return calendar.get().dueWithPausesSubtracted(due, List.of(new Pause(pausedSince, resumedAt)));
    }

    @Override
    public Instant dueAfterSupplement(Instant supplementReceivedAt) {
        return calendar.get().dueAfterSupplement(supplementReceivedAt, limit.get());
    }
}
