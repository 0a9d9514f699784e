package vn.motcua.report.reminder.domain;

import java.time.Instant;

/**
 * One row of task_notification with the task's title and the unit's name.
 *
 * @param emailedTo null while the e-mail is not settled (sent, nothing to send, or given up)
 */
public record StoredNotification(
        String id,
        String taskId,
        String taskTitle,
        String unitCode,
        String unitName,
        Audience audience,
        NotificationKind kind,
        String message,
        Instant createdAt,
        Instant readAt,
        Integer emailedTo,
        int emailAttempts,
        String emailError) {}
