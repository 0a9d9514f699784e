package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import java.util.function.Supplier;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.dossier.domain.DueTimes;

/**
 * Due times of a procedure's time limit in the competent unit's working calendar. Both are looked up only when a
 * transition's row asks for a due time, so that the other verbs read neither the calendar nor the procedure.
 */
final class ProcedureDueTimes implements DueTimes {

    private final Supplier<DeadlineCalculator> calendar;
    private final Supplier<TimeLimit> limit;

    ProcedureDueTimes(Supplier<DeadlineCalculator> calendar, Supplier<TimeLimit> limit) {
        this.calendar = calendar;
        this.limit = limit;
    }

    @Override
    public Instant dueAt(Instant clockStart) {
        return calendar.get().dueAt(clockStart, limit.get());
    }

    @Override
    public Instant dueAfterSupplement(Instant supplementReceivedAt) {
        return calendar.get().dueAfterSupplement(supplementReceivedAt, limit.get());
    }
}
