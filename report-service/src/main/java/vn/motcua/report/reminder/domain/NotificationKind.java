package vn.motcua.report.reminder.domain;

/** What a task notification is about (proto NotificationKind, stored by name in task_notification.kind). */
public enum NotificationKind {
    ASSIGNED,
    DUE_SOON,
    OVERDUE,
    RETURNED
}
