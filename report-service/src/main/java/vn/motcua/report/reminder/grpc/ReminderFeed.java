package vn.motcua.report.reminder.grpc;

import jakarta.inject.Singleton;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;
import vn.motcua.proto.report.v1.TaskReminderSent;
import vn.motcua.report.reminder.domain.StoredNotification;
import vn.motcua.report.reminder.service.ReminderEvents;

/**
 * task.reminder_sent on report-service's change feed (task_events.proto TaskReminderSent, aggregate "task" with the
 * task id). The event's unit is the unit reminded; occurred_at is the notification's creation.
 */
@Singleton
public class ReminderFeed implements ReminderEvents {

    public static final String EVENT_TYPE = "task.reminder_sent";

    private final OutboxWriter outbox;

    public ReminderFeed(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void reminderSent(StoredNotification settled) {
        outbox.append(new OutboxEntry(
                "task",
                settled.taskId(),
                EVENT_TYPE,
                settled.unitCode(),
                settled.createdAt(),
                TaskReminderSent.newBuilder()
                        .setNotification(NotificationMessages.notification(settled))
                        .build()));
    }
}
