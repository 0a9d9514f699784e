package vn.motcua.report.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which notifications are due now and not yet given (pure: the sweep feeds it rows and inserts what it returns; the
 * unique dedup_key of task_notification makes each once even when two sweeps plan the same one).
 * <ul>
 *   <li>ASSIGNED, assignee audience: one per assignment not done.</li>
 *   <li>DUE_SOON, assignee audience: one per configured offset, once its threshold (effective deadline minus the
 *       offset) has passed and the deadline has not. When several thresholds have passed unsent (the sweep did not
 *       run for a while) only the nearest one is sent: two reminders at once say nothing the nearer does not, and a
 *       threshold already passed when the task was created is skipped (the ASSIGNED notification gives the
 *       deadline).</li>
 *   <li>OVERDUE, once the effective deadline has passed: to the leader ({@code overdueToLeader}), else to the unit's
 *       officers.</li>
 *   <li>RETURNED, assignee audience: one per returned campaign report version.</li>
 * </ul>
 * Nothing for an assignment already done, except RETURNED (a returned report follows the first submission that made
 * the assignment done).
 */
public final class ReminderPlanner {

    private ReminderPlanner() {}

    public static String assignedKey(String taskId, String unitCode) {
        return "ASSIGNED/" + taskId + "/" + unitCode;
    }

    public static String dueSoonKey(String taskId, String unitCode, Duration offset) {
        return "DUE_SOON/" + taskId + "/" + unitCode + "/" + offset;
    }

    public static String overdueKey(String taskId, String unitCode) {
        return "OVERDUE/" + taskId + "/" + unitCode;
    }

    public static String returnedKey(String reportId) {
        return "RETURNED/" + reportId;
    }

    public static List<PlannedNotification> plan(
            List<OpenAssignment> assignments,
            List<ReturnedReport> returned,
            ReminderPolicy policy,
            Instant now,
            Set<String> existingKeys) {
        List<PlannedNotification> due = new ArrayList<>();
        for (OpenAssignment a : assignments) {
            if (a.done()) {
                continue;
            }
            String assigned = assignedKey(a.taskId(), a.unitCode());
            if (!existingKeys.contains(assigned)) {
                due.add(new PlannedNotification(
                        a.taskId(),
                        a.taskTitle(),
                        a.unitCode(),
                        Audience.ASSIGNEE,
                        NotificationKind.ASSIGNED,
                        assigned,
                        ReminderTexts.assigned(a.taskTitle(), a.effectiveDeadline())));
            }
            if (now.isAfter(a.effectiveDeadline())) {
                String overdue = overdueKey(a.taskId(), a.unitCode());
                if (!existingKeys.contains(overdue)) {
                    due.add(new PlannedNotification(
                            a.taskId(),
                            a.taskTitle(),
                            a.unitCode(),
                            policy.overdueToLeader() ? Audience.LEADER : Audience.ASSIGNEE,
                            NotificationKind.OVERDUE,
                            overdue,
                            ReminderTexts.overdue(a.taskTitle(), a.effectiveDeadline(), a.unitName())));
                }
                continue;
            }
            Duration nearest = null;
            for (Duration offset : policy.before()) { // largest first: the last match is the nearest threshold
                Instant threshold = a.effectiveDeadline().minus(offset);
                if (!now.isBefore(threshold) && !threshold.isBefore(a.assignedAt())) {
                    nearest = offset;
                }
            }
            if (nearest != null) {
                String key = dueSoonKey(a.taskId(), a.unitCode(), nearest);
                if (!existingKeys.contains(key)) {
                    due.add(new PlannedNotification(
                            a.taskId(),
                            a.taskTitle(),
                            a.unitCode(),
                            Audience.ASSIGNEE,
                            NotificationKind.DUE_SOON,
                            key,
                            ReminderTexts.dueSoon(a.taskTitle(), a.effectiveDeadline(), nearest)));
                }
            }
        }
        for (ReturnedReport r : returned) {
            String key = returnedKey(r.reportId());
            if (!existingKeys.contains(key)) {
                due.add(new PlannedNotification(
                        r.taskId(),
                        r.taskTitle(),
                        r.unitCode(),
                        Audience.ASSIGNEE,
                        NotificationKind.RETURNED,
                        key,
                        ReminderTexts.returned(r.taskTitle(), r.version(), r.reason())));
            }
        }
        return due;
    }
}
