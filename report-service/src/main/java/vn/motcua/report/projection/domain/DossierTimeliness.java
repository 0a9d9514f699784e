package vn.motcua.report.projection.domain;

import java.time.Instant;
import java.util.Set;
import vn.motcua.report.reception.domain.LocalDates;

/**
 * The timeliness rules over one dossier fact: form II.06a's early / on time / late (domain.md 6.3) and Decision 766
 * indicator 2.1's on time (domain.md 8.3). Pure functions of the fact and the settings.
 */
public final class DossierTimeliness {

    /** Result kinds that end a dossier; each counts as resolved in II.06a (invariant (3) = (7) + (11)). */
    public static final Set<String> RESULT_KINDS = Set.of("ISSUED", "REFUSED", "REJECTED", "WITHDRAWN", "STOPPED");

    private DossierTimeliness() {}

    /** Received: accepted at a desk or online; only received dossiers count anywhere. */
    public static boolean received(DossierFact f) {
        return f.receivedAt() != null;
    }

    /** Resolved: it has a result kind and the instant it ended. */
    public static boolean resolved(DossierFact f) {
        return f.resultKind() != null && f.finishedAt() != null;
    }

    /**
     * II.06a: LATE if it ended after the due instant compared ({@link LateAgainst}); EARLY if it ended on a local day
     * before the due's local day; ON_TIME otherwise, and when it has no due at all. Withdrawn, stopped, refused and
     * rejected dossiers are classified the same way. OPEN while not resolved.
     */
    public static Timeliness ii06a(DossierFact f, ProjectionSettings settings) {
        if (!resolved(f)) {
            return Timeliness.OPEN;
        }
        Instant due = comparedDue(f, settings.lateAgainst());
        if (due == null) {
            return Timeliness.ON_TIME;
        }
        return switch (settings.timelinessRule()) {
            case DAY ->
                f.finishedAt().isAfter(due)
                        ? Timeliness.LATE
                        : LocalDates.of(f.finishedAt()).isBefore(LocalDates.of(due))
                                ? Timeliness.EARLY
                                : Timeliness.ON_TIME;
        };
    }

    /** The due instant II.06a compares with: the original one unless the settings say the extended one. */
    public static Instant comparedDue(DossierFact f, LateAgainst lateAgainst) {
        if (lateAgainst == LateAgainst.ORIGINAL_DUE && f.originalDueAt() != null) {
            return f.originalDueAt();
        }
        return f.dueAt();
    }

    /**
     * Decision 766 indicator 2.1 for a resolved dossier: more than one supplement request is never on time; else the
     * end less the closed supplement pauses must not be after due_at (the appointment in force, extensions
     * included). Without a due it is on time (the procedure's maximum limit is not on the feed). False while open:
     * an open dossier's standing depends on the period end, which the report decides.
     */
    public static boolean onTime766(DossierFact f) {
        if (!resolved(f) || f.supplementRequests() > 1) {
            return false;
        }
        if (f.dueAt() == null) {
            return true;
        }
        Instant adjustedEnd = f.finishedAt().minusSeconds(f.pausedSeconds());
        return !adjustedEnd.isAfter(f.dueAt());
    }
}
