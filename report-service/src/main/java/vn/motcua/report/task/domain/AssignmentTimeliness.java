package vn.motcua.report.task.domain;

import java.time.Instant;

/**
 * The one home of an assignment's timeliness. Done: ON_TIME at or before the effective deadline, else LATE. Not done:
 * MISSING once now is past the effective deadline, else PENDING. Silent: nothing at all came from the unit (no
 * progress report, no campaign draft or submission) and it is not done.
 */
public final class AssignmentTimeliness {

    private AssignmentTimeliness() {}

    public static Timeliness of(Instant doneAt, Instant effectiveDeadline, Instant now) {
        if (doneAt != null) {
            return doneAt.isAfter(effectiveDeadline) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        return now.isAfter(effectiveDeadline) ? Timeliness.MISSING : Timeliness.PENDING;
    }

    public static boolean silent(Instant doneAt, Instant lastActivityAt) {
        return doneAt == null && lastActivityAt == null;
    }
}
