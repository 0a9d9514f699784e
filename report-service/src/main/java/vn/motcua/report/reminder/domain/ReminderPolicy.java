package vn.motcua.report.reminder.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * When reminders are due (motcua.report.tasks.reminders): one DUE_SOON per offset before the effective deadline, and
 * an OVERDUE to the unit's leader once the deadline passed when {@code overdueToLeader}.
 *
 * @param before positive offsets, kept largest first (P1D before PT2H)
 */
public record ReminderPolicy(List<Duration> before, boolean overdueToLeader) {

    public ReminderPolicy {
        for (Duration offset : before) {
            if (offset.isNegative() || offset.isZero()) {
                throw new IllegalArgumentException(
                        "motcua.report.tasks.reminders.before: offsets must be positive, got " + offset);
            }
        }
        before = before.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }
}
