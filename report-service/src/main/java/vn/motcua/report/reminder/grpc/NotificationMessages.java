package vn.motcua.report.reminder.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.proto.report.v1.NotificationAudience;
import vn.motcua.proto.report.v1.NotificationKind;
import vn.motcua.proto.report.v1.TaskContacts;
import vn.motcua.proto.report.v1.TaskNotification;
import vn.motcua.proto.report.v1.UnitRef;
import vn.motcua.report.reminder.domain.Audience;
import vn.motcua.report.reminder.domain.ContactRecord;
import vn.motcua.report.reminder.domain.StoredNotification;

/** Reminder values as the task API's messages (task_service.proto). */
final class NotificationMessages {

    private NotificationMessages() {}

    static TaskNotification notification(StoredNotification n) {
        TaskNotification.Builder b = TaskNotification.newBuilder()
                .setNotificationId(n.id())
                .setTaskId(n.taskId())
                .setTaskTitle(n.taskTitle())
                .setUnit(UnitRef.newBuilder().setCode(n.unitCode()).setName(n.unitName()))
                .setAudience(
                        n.audience() == Audience.LEADER
                                ? NotificationAudience.NOTIFICATION_AUDIENCE_LEADER
                                : NotificationAudience.NOTIFICATION_AUDIENCE_ASSIGNEE)
                .setKind(kind(n.kind()))
                .setMessage(n.message())
                .setCreatedAt(timestamp(n.createdAt()))
                .setEmailedTo(n.emailedTo() == null ? 0 : n.emailedTo());
        if (n.readAt() != null) {
            b.setReadAt(timestamp(n.readAt()));
        }
        return b.build();
    }

    static TaskContacts contacts(ContactRecord c) {
        TaskContacts.Builder b = TaskContacts.newBuilder()
                .setUnitCode(c.unitCode())
                .addAllAssigneeEmails(c.assigneeEmails())
                .addAllLeaderEmails(c.leaderEmails())
                .setUpdatedBy(c.updatedBy() == null ? "" : c.updatedBy());
        if (c.updatedAt() != null) {
            b.setUpdatedAt(timestamp(c.updatedAt()));
        }
        return b.build();
    }

    private static NotificationKind kind(vn.motcua.report.reminder.domain.NotificationKind kind) {
        return switch (kind) {
            case ASSIGNED -> NotificationKind.NOTIFICATION_KIND_ASSIGNED;
            case DUE_SOON -> NotificationKind.NOTIFICATION_KIND_DUE_SOON;
            case OVERDUE -> NotificationKind.NOTIFICATION_KIND_OVERDUE;
            case RETURNED -> NotificationKind.NOTIFICATION_KIND_RETURNED;
        };
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder()
                .setSeconds(at.getEpochSecond())
                .setNanos(at.getNano())
                .build();
    }
}
