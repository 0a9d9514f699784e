package vn.motcua.report.reminder.domain;

/**
 * A notification the planner found due and not yet given.
 *
 * @param dedupKey task_notification.dedup_key: the unique key that makes it once, whoever inserts it first
 */
public record PlannedNotification(
        String taskId,
        String taskTitle,
        String unitCode,
        Audience audience,
        NotificationKind kind,
        String dedupKey,
        String message) {}
