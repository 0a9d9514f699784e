package vn.motcua.report.reminder.grpc;

import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.GetTaskContactsRequest;
import vn.motcua.proto.report.v1.GetTaskContactsResponse;
import vn.motcua.proto.report.v1.ListTaskNotificationsRequest;
import vn.motcua.proto.report.v1.ListTaskNotificationsResponse;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadRequest;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadResponse;
import vn.motcua.proto.report.v1.SetTaskContactsRequest;
import vn.motcua.proto.report.v1.SetTaskContactsResponse;

/** Reminder contacts and the in-app inbox: the proto adapter of reminder/service. */
@Singleton
public class NotificationRpc {

    public GetTaskContactsResponse getTaskContacts(GetTaskContactsRequest request) {
        throw new UnsupportedOperationException("GetTaskContacts: not built yet");
    }

    public SetTaskContactsResponse setTaskContacts(SetTaskContactsRequest request) {
        throw new UnsupportedOperationException("SetTaskContacts: not built yet");
    }

    public ListTaskNotificationsResponse listTaskNotifications(ListTaskNotificationsRequest request) {
        throw new UnsupportedOperationException("ListTaskNotifications: not built yet");
    }

    public MarkTaskNotificationReadResponse markTaskNotificationRead(MarkTaskNotificationReadRequest request) {
        throw new UnsupportedOperationException("MarkTaskNotificationRead: not built yet");
    }
}
