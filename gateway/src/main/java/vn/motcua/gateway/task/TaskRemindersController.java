package vn.motcua.gateway.task;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.GetTaskContactsRequest;
import vn.motcua.proto.report.v1.ListTaskNotificationsRequest;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadRequest;
import vn.motcua.proto.report.v1.SetTaskContactsRequest;
import vn.motcua.proto.report.v1.TaskServiceGrpc.TaskServiceBlockingStub;

/**
 * Reminders (đôn đốc) of tasks (issue 14): where a unit's reminders are e-mailed (its office's addresses before a
 * deadline, its leader's after it) and the in-app inbox of the caller's unit. Who may read or replace a unit's
 * addresses and which notifications a caller sees (LEADER ones only for unit leaders) are report-service's rules.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TaskRemindersController {

    private static final Set<String> CONTACT_FIELDS = Set.of("assigneeEmails", "leaderEmails");

    private final Downstream downstream;
    private final TaskServiceBlockingStub tasks;
    private final JsonMapper json;
    private final Duration timeout;

    public TaskRemindersController(
            Downstream downstream,
            TaskServiceBlockingStub tasks,
            JsonMapper json,
            @Value("${motcua.gateway.reports.timeout:30s}") Duration timeout) {
        this.downstream = downstream;
        this.tasks = tasks;
        this.json = json;
        this.timeout = timeout;
    }

    /** Officers of the unit or above: where the unit's reminders are e-mailed. */
    @Get("/task-contacts/{unitCode}")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Contacts contacts(HttpRequest<?> request, @PathVariable String unitCode) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, true);
        v.throwIfAny();
        GetTaskContactsRequest rpc =
                GetTaskContactsRequest.newBuilder().setUnitCode(unit).build();
        return TaskJson.Contacts.from(call(request, s -> s.getTaskContacts(rpc)).getContacts());
    }

    /**
     * A unit admin or unit leader of the unit or above: replaces the unit's reminder addresses, body
     * {assigneeEmails[] (the office's, before a deadline), leaderEmails[] (the leader's, after it)}, at most 10 each.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_TASK_CONTACTS,
                                            parseValue = true)))
    @Put("/task-contacts/{unitCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Contacts setContacts(
            HttpRequest<?> request, @PathVariable String unitCode, @Nullable @Body String body) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, true);
        JsonBody b = JsonBody.read(json, body, true, CONTACT_FIELDS, v);
        SetTaskContactsRequest rpc = SetTaskContactsRequest.newBuilder()
                .setUnitCode(TaskParams.orEmpty(unit))
                .addAllAssigneeEmails(TaskParams.strings(b, "assigneeEmails"))
                .addAllLeaderEmails(TaskParams.strings(b, "leaderEmails"))
                .build();
        v.throwIfAny();
        return TaskJson.Contacts.from(call(request, s -> s.setTaskContacts(rpc)).getContacts());
    }

    /**
     * Officers: the inbox of the caller's unit, newest first ({@code unreadOnly=true}: unread ones only), with the
     * count of unread ones.
     */
    @Get("/task-notifications")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Notifications notifications(
            HttpRequest<?> request,
            @Nullable @QueryValue String unreadOnly,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        boolean unread = TaskParams.bool(v, "unreadOnly", unreadOnly);
        int size = v.pageSize("pageSize", pageSize);
        String token = v.pageToken("pageToken", pageToken);
        v.throwIfAny();
        ListTaskNotificationsRequest rpc = ListTaskNotificationsRequest.newBuilder()
                .setUnreadOnly(unread)
                .setPageSize(size)
                .setPageToken(token)
                .build();
        return TaskJson.Notifications.from(call(request, s -> s.listTaskNotifications(rpc)));
    }

    /** Officers of the notification's unit: marks it read (again: no change). No body. */
    @Post("/task-notifications/{notificationId}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Notification read(
            HttpRequest<?> request, @PathVariable String notificationId, @Nullable @Body String body) {
        Violations v = new Violations();
        String id = v.code("notificationId", notificationId, true);
        JsonBody.read(json, body, false, Set.of(), v);
        v.throwIfAny();
        MarkTaskNotificationReadRequest rpc = MarkTaskNotificationReadRequest.newBuilder()
                .setNotificationId(id)
                .build();
        return TaskJson.Notification.from(
                call(request, s -> s.markTaskNotificationRead(rpc)).getNotification());
    }

    private <R> R call(HttpRequest<?> request, Function<TaskServiceBlockingStub, R> rpc) {
        return downstream.call(request, tasks, timeout, rpc);
    }
}
