package vn.motcua.report.reminder.grpc;

import jakarta.inject.Singleton;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.report.v1.GetTaskContactsRequest;
import vn.motcua.proto.report.v1.GetTaskContactsResponse;
import vn.motcua.proto.report.v1.ListTaskNotificationsRequest;
import vn.motcua.proto.report.v1.ListTaskNotificationsResponse;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadRequest;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadResponse;
import vn.motcua.proto.report.v1.SetTaskContactsRequest;
import vn.motcua.proto.report.v1.SetTaskContactsResponse;
import vn.motcua.report.reminder.service.NotificationService;

/** Reminder contacts and the in-app inbox: the proto adapter of reminder/service (rules in NotificationService). */
@Singleton
public class NotificationRpc {

    private final NotificationService service;

    public NotificationRpc(NotificationService service) {
        this.service = service;
    }

    public GetTaskContactsResponse getTaskContacts(GetTaskContactsRequest request) {
        return GetTaskContactsResponse.newBuilder()
                .setContacts(NotificationMessages.contacts(
                        service.contacts(CallContext.requireCaller(), request.getUnitCode())))
                .build();
    }

    public SetTaskContactsResponse setTaskContacts(SetTaskContactsRequest request) {
        return SetTaskContactsResponse.newBuilder()
                .setContacts(NotificationMessages.contacts(service.setContacts(
                        CallContext.requireCaller(),
                        request.getUnitCode(),
                        request.getAssigneeEmailsList(),
                        request.getLeaderEmailsList())))
                .build();
    }

    public ListTaskNotificationsResponse listTaskNotifications(ListTaskNotificationsRequest request) {
        NotificationService.Inbox inbox = service.inbox(
                CallContext.requireCaller(), request.getUnreadOnly(), request.getPageSize(), request.getPageToken());
        ListTaskNotificationsResponse.Builder response = ListTaskNotificationsResponse.newBuilder()
                .setNextPageToken(inbox.nextPageToken())
                .setUnread(inbox.unread());
        inbox.notifications().forEach(n -> response.addNotifications(NotificationMessages.notification(n)));
        return response.build();
    }

    public MarkTaskNotificationReadResponse markTaskNotificationRead(MarkTaskNotificationReadRequest request) {
        return MarkTaskNotificationReadResponse.newBuilder()
                .setNotification(NotificationMessages.notification(
                        service.markRead(CallContext.requireCaller(), request.getNotificationId())))
                .build();
    }
}
