package vn.motcua.gateway.task;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.CompleteTaskRequest;
import vn.motcua.proto.report.v1.GetTaskBoardRequest;
import vn.motcua.proto.report.v1.GetTaskPunctualityRequest;
import vn.motcua.proto.report.v1.GetTaskRequest;
import vn.motcua.proto.report.v1.ListTasksRequest;
import vn.motcua.proto.report.v1.ListTasksResponse;
import vn.motcua.proto.report.v1.ReportTaskProgressRequest;
import vn.motcua.proto.report.v1.ReportTaskProgressResponse;
import vn.motcua.proto.report.v1.TaskListView;
import vn.motcua.proto.report.v1.TaskServiceGrpc.TaskServiceBlockingStub;

/**
 * Tasks as their assignees and issuers see them (issue 14): the "Nhiệm vụ" list of a unit, one task, progress
 * reports and completion by the assigned unit, the issuer's board (on time, late, missing, pending, silent), and
 * punctuality per unit over a period, also for the province's puller on {@code /api/v1/machine/tasks/punctuality}.
 * Which tasks a caller may read (never revealing others: 404) and who may act for a unit are report-service's rules.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TasksController {

    private static final Set<String> PROGRESS_FIELDS = Set.of("unitCode", "text", "percent", "documentIds");
    private static final Set<String> COMPLETE_FIELDS = Set.of("unitCode", "answer", "documentId", "note");

    private final Downstream downstream;
    private final TaskServiceBlockingStub tasks;
    private final JsonMapper json;
    private final Duration timeout;

    public TasksController(
            Downstream downstream,
            TaskServiceBlockingStub tasks,
            JsonMapper json,
            @Value("${motcua.gateway.reports.timeout:30s}") Duration timeout) {
        this.downstream = downstream;
        this.tasks = tasks;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Officers: the tasks assigned to a unit ({@code view=ASSIGNED}, the default; campaign UPWARD duties included) or
     * issued by it ({@code view=ISSUED}); {@code unitCode} defaults to the caller's unit; {@code openOnly=true} keeps
     * assignments not done yet.
     */
    @Get("/tasks")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Tasks list(
            HttpRequest<?> request,
            @Nullable @QueryValue String view,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String openOnly,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        TaskListView shown = v.oneOf("view", view, false, TaskParams.VIEWS);
        String unit = v.code("unitCode", unitCode, false);
        boolean open = TaskParams.bool(v, "openOnly", openOnly);
        int size = v.pageSize("pageSize", pageSize);
        String token = v.pageToken("pageToken", pageToken);
        v.throwIfAny();
        ListTasksRequest rpc = ListTasksRequest.newBuilder()
                .setView(shown == null ? TaskListView.TASK_LIST_VIEW_ASSIGNED : shown)
                .setUnitCode(TaskParams.orEmpty(unit))
                .setOpenOnly(open)
                .setPageSize(size)
                .setPageToken(token)
                .build();
        ListTasksResponse answer = call(request, s -> s.listTasks(rpc));
        return new TaskJson.Tasks(
                answer.getTasksList().stream().map(TaskJson.TaskItem::from).toList(),
                TaskParams.orNull(answer.getNextPageToken()));
    }

    /** Officers of the issuing unit (or above) see every assignment; an assigned unit's officers see their own. */
    @Get("/tasks/{taskId}")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.TaskItem one(HttpRequest<?> request, @PathVariable String taskId) {
        String id = taskId(taskId);
        GetTaskRequest rpc = GetTaskRequest.newBuilder().setTaskId(id).build();
        return TaskJson.TaskItem.from(call(request, s -> s.getTask(rpc)).getTask());
    }

    /**
     * Officers of an assigned unit: a progress report, body {unitCode? (default: the caller's unit), text, percent
     * (0..100, not below the previous report's), documentIds[] (at most 10 documents)}. Idempotency-Key makes a retry
     * answer the first report. Answers 201 with the report and the assignment as it now stands.
     */
    @Post("/tasks/{taskId}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public HttpResponse<TaskJson.ProgressReported> progress(
            HttpRequest<?> request,
            @PathVariable String taskId,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        String id = v.code("taskId", taskId, true);
        JsonBody b = JsonBody.read(json, body, true, PROGRESS_FIELDS, v);
        ReportTaskProgressRequest rpc = ReportTaskProgressRequest.newBuilder()
                .setRequestId(requestId)
                .setTaskId(TaskParams.orEmpty(id))
                .setUnitCode(TaskParams.code(v, b, "unitCode"))
                .setText(b.text("text"))
                // a whole number here; its range and that it may not go down are the service's rules
                .setPercent(b.integer("percent", Integer.MIN_VALUE, Integer.MAX_VALUE))
                .addAllDocumentIds(TaskParams.strings(b, "documentIds"))
                .build();
        v.throwIfAny();
        ReportTaskProgressResponse answer = call(request, s -> s.reportTaskProgress(rpc));
        return HttpResponse.created(new TaskJson.ProgressReported(
                TaskJson.Progress.of(answer.hasProgress(), answer.getProgress()),
                TaskJson.AssignmentJson.of(answer.hasAssignment(), answer.getAssignment())));
    }

    /**
     * The unit leader of an assigned unit: the assignment is done, body {unitCode? (default: the caller's unit),
     * answer? (YES_NO output), documentId? (DOCUMENT output), note?}. A campaign's assignment is done by submitting its
     * report instead. Idempotency-Key makes a retry answer the first completion.
     */
    @Post("/tasks/{taskId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_LEADER)
    public TaskJson.Completed complete(
            HttpRequest<?> request,
            @PathVariable String taskId,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        String id = v.code("taskId", taskId, true);
        JsonBody b = JsonBody.read(json, body, false, COMPLETE_FIELDS, v);
        CompleteTaskRequest rpc = CompleteTaskRequest.newBuilder()
                .setRequestId(requestId)
                .setTaskId(TaskParams.orEmpty(id))
                .setUnitCode(TaskParams.code(v, b, "unitCode"))
                .setAnswer(b.bool("answer"))
                .setDocumentId(TaskParams.code(v, b, "documentId"))
                .setNote(b.text("note"))
                .build();
        v.throwIfAny();
        var answer = call(request, s -> s.completeTask(rpc));
        return new TaskJson.Completed(TaskJson.AssignmentJson.of(answer.hasAssignment(), answer.getAssignment()));
    }

    /**
     * Officers of the issuing unit (or above): the task with every assignment, the counts of its assignees (on time,
     * late, missing, pending, silent) and every progress report, oldest first.
     */
    @Get("/tasks/{taskId}/board")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Board board(HttpRequest<?> request, @PathVariable String taskId) {
        String id = taskId(taskId);
        GetTaskBoardRequest rpc = GetTaskBoardRequest.newBuilder().setTaskId(id).build();
        return TaskJson.Board.from(call(request, s -> s.getTaskBoard(rpc)));
    }

    /**
     * Officers: per assigned unit of a subtree ({@code unitCode}, default the caller's unit), the assignments whose
     * effective deadline falls from {@code from} to {@code to} (local dates YYYY-MM-DD, inclusive): on time, late,
     * missing, and on time per mille (-1 when nothing fell due).
     */
    @Get("/tasks/punctuality")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Punctuality punctuality(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        return punctualityOf(request, unitCode, from, to);
    }

    /** The province's puller (client credentials, report_viewer): the same as {@code /tasks/punctuality}. */
    @Get("/machine/tasks/punctuality")
    @Access(AccessPolicy.REPORT_MACHINE)
    public TaskJson.Punctuality punctualityForMachines(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        return punctualityOf(request, unitCode, from, to);
    }

    private TaskJson.Punctuality punctualityOf(
            HttpRequest<?> request, @Nullable String unitCode, @Nullable String from, @Nullable String to) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        // whether a period is required, and how long it may be, is the service's rule
        LocalDate fromDate = v.date("from", from, false);
        LocalDate toDate = v.date("to", to, false);
        v.throwIfAny();
        GetTaskPunctualityRequest rpc = GetTaskPunctualityRequest.newBuilder()
                .setUnitCode(TaskParams.orEmpty(unit))
                .setFromDate(fromDate == null ? "" : fromDate.toString())
                .setToDate(toDate == null ? "" : toDate.toString())
                .build();
        // the service names the period from_date and to_date: the client sent from and to
        JsonPaths.renamed(request, path -> switch (path) {
            case "fromDate" -> "from";
            case "toDate" -> "to";
            default -> path;
        });
        return TaskJson.Punctuality.from(call(request, s -> s.getTaskPunctuality(rpc)));
    }

    private static String taskId(String taskId) {
        Violations v = new Violations();
        String id = v.code("taskId", taskId, true);
        v.throwIfAny();
        return id;
    }

    private <R> R call(HttpRequest<?> request, Function<TaskServiceBlockingStub, R> rpc) {
        return downstream.call(request, tasks, timeout, rpc);
    }
}
