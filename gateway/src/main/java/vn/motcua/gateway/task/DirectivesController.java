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
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.AssignTaskRequest;
import vn.motcua.proto.report.v1.CampaignTemplate;
import vn.motcua.proto.report.v1.ColumnType;
import vn.motcua.proto.report.v1.ExpectedOutput;
import vn.motcua.proto.report.v1.GetDirectiveRequest;
import vn.motcua.proto.report.v1.IssueDirectiveRequest;
import vn.motcua.proto.report.v1.ListDirectivesRequest;
import vn.motcua.proto.report.v1.ListDirectivesResponse;
import vn.motcua.proto.report.v1.TaskKind;
import vn.motcua.proto.report.v1.TaskServiceGrpc.TaskServiceBlockingStub;
import vn.motcua.proto.report.v1.TemplateColumn;
import vn.motcua.proto.report.v1.TemplatePrefill;

/**
 * Directives (văn bản chỉ đạo) and the tasks and data-collection campaigns assigned under them (issue 14): a unit
 * leader records a directive of the issuing unit and assigns its tasks to units below, each with a local deadline
 * ("YYYY-MM-DDTHH:MM", Asia/Ho_Chi_Minh). Who may issue for which unit, which units may be assigned, a campaign's
 * template and upward deadline are report-service's rules (TaskService); the gateway reads the JSON's shape.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DirectivesController {

    private static final Set<String> DIRECTIVE_FIELDS =
            Set.of("issuingUnitCode", "number", "signedOn", "title", "signer", "documentId");
    private static final Set<String> TASK_FIELDS = Set.of(
            "kind",
            "title",
            "description",
            "assigneeUnitCodes",
            "deadline",
            "upwardDeadline",
            "expectedOutput",
            "template",
            "followUpUser");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("columns", "prefill");
    private static final Set<String> COLUMN_FIELDS = Set.of("key", "label", "type", "required");

    private final Downstream downstream;
    private final TaskServiceBlockingStub tasks;
    private final JsonMapper json;
    private final Duration timeout;

    public DirectivesController(
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
     * A unit leader of the issuing unit (or above): records a directive, body {issuingUnitCode? (default: the
     * caller's unit), number (số ký hiệu), signedOn (YYYY-MM-DD), title, signer, documentId? (the signed PDF, a
     * document uploaded to /api/v1/documents)}. Idempotency-Key makes a retry answer the first directive. Answers 201
     * with the directive; Location is its route.
     */
    @Post("/directives")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_LEADER)
    public HttpResponse<TaskJson.DirectiveJson> issue(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, DIRECTIVE_FIELDS, v);
        IssueDirectiveRequest rpc = IssueDirectiveRequest.newBuilder()
                .setRequestId(requestId)
                .setIssuingUnitCode(TaskParams.code(v, b, "issuingUnitCode"))
                .setNumber(b.text("number"))
                .setSignedOn(TaskParams.date(v, b, "signedOn"))
                .setTitle(b.text("title"))
                .setSigner(b.text("signer"))
                .setDocumentId(TaskParams.code(v, b, "documentId"))
                .build();
        v.throwIfAny();
        TaskJson.DirectiveJson issued = TaskJson.DirectiveJson.from(
                call(request, s -> s.issueDirective(rpc)).getDirective());
        return HttpResponse.created(issued, URI.create("/api/v1/directives/" + issued.directiveId()));
    }

    /** Officers: the directives issued by a unit (default: the caller's) or a unit below it, newest first. */
    @Get("/directives")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Directives list(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        int size = v.pageSize("pageSize", pageSize);
        String token = v.pageToken("pageToken", pageToken);
        v.throwIfAny();
        ListDirectivesRequest rpc = ListDirectivesRequest.newBuilder()
                .setUnitCode(TaskParams.orEmpty(unit))
                .setPageSize(size)
                .setPageToken(token)
                .build();
        ListDirectivesResponse answer = call(request, s -> s.listDirectives(rpc));
        return new TaskJson.Directives(
                answer.getDirectivesList().stream()
                        .map(TaskJson.DirectiveJson::from)
                        .toList(),
                TaskParams.orNull(answer.getNextPageToken()));
    }

    /** Officers whose subtree holds the issuing unit, or an assigned unit: one directive with its tasks. */
    @Get("/directives/{directiveId}")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.DirectiveJson one(HttpRequest<?> request, @PathVariable String directiveId) {
        Violations v = new Violations();
        String id = v.code("directiveId", directiveId, true);
        v.throwIfAny();
        GetDirectiveRequest rpc =
                GetDirectiveRequest.newBuilder().setDirectiveId(id).build();
        return TaskJson.DirectiveJson.from(
                call(request, s -> s.getDirective(rpc)).getDirective());
    }

    /**
     * A unit leader of the directive's issuing unit: a task or campaign of the directive, body {kind (TASK|CAMPAIGN),
     * title, description?, assigneeUnitCodes[] (1..200 units below the issuing unit), deadline (local
     * YYYY-MM-DDTHH:MM), upwardDeadline? (campaigns: the issuer's own deadline to its parent, after deadline),
     * expectedOutput (REPORT_TEMPLATE|DOCUMENT|YES_NO), template? (campaigns: {columns[{key, label, type
     * (TEXT|INTEGER|DECIMAL|DATE|YES_NO), required}], prefill (NONE|PROCEDURES)}), followUpUser? (default: the
     * caller)}. A deadline on a day off takes effect on the next working day (effectiveDeadline in the answer).
     * Answers 201 with the task; Location is its route.
     */
    @Post("/directives/{directiveId}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_LEADER)
    public HttpResponse<TaskJson.TaskItem> assign(
            HttpRequest<?> request,
            @PathVariable String directiveId,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        String id = v.code("directiveId", directiveId, true);
        JsonBody b = JsonBody.read(json, body, true, TASK_FIELDS, v);
        // the proto has no meaningful default for either choice: a request without them is refused here
        TaskKind kind = v.oneOf(b.path("kind"), b.string("kind"), true, TaskParams.KINDS);
        ExpectedOutput output = v.oneOf(b.path("expectedOutput"), b.string("expectedOutput"), true, TaskParams.OUTPUTS);
        AssignTaskRequest.Builder rpc = AssignTaskRequest.newBuilder()
                .setRequestId(requestId)
                .setDirectiveId(TaskParams.orEmpty(id))
                .setTitle(b.text("title"))
                .setDescription(b.text("description"))
                .addAllAssigneeUnitCodes(TaskParams.strings(b, "assigneeUnitCodes"))
                .setDeadline(TaskParams.localMinute(v, b, "deadline"))
                .setUpwardDeadline(TaskParams.localMinute(v, b, "upwardDeadline"))
                .setFollowUpUser(b.text("followUpUser"));
        if (kind != null) {
            rpc.setKind(kind);
        }
        if (output != null) {
            rpc.setExpectedOutput(output);
        }
        JsonBody template = b.object("template", TEMPLATE_FIELDS);
        if (template != null) {
            rpc.setTemplate(template(v, template));
        }
        v.throwIfAny();
        AssignTaskRequest built = rpc.build();
        TaskJson.TaskItem task =
                TaskJson.TaskItem.from(call(request, s -> s.assignTask(built)).getTask());
        return HttpResponse.created(task, URI.create("/api/v1/tasks/" + task.taskId()));
    }

    /** A campaign's template; a column left without a type or a template without columns is the service's to refuse. */
    private static CampaignTemplate template(Violations v, JsonBody template) {
        CampaignTemplate.Builder built = CampaignTemplate.newBuilder();
        for (JsonBody c : template.objects("columns", COLUMN_FIELDS, TaskParams.MAX_ITEMS)) {
            ColumnType type = v.oneOf(c.path("type"), c.string("type"), false, TaskParams.COLUMN_TYPES);
            built.addColumns(TemplateColumn.newBuilder()
                    .setKey(c.text("key"))
                    .setLabel(c.text("label"))
                    .setType(type == null ? ColumnType.COLUMN_TYPE_UNSPECIFIED : type)
                    .setRequired(c.bool("required")));
        }
        TemplatePrefill prefill =
                v.oneOf(template.path("prefill"), template.string("prefill"), false, TaskParams.PREFILLS);
        if (prefill != null) {
            built.setPrefill(prefill);
        }
        return built.build();
    }

    private <R> R call(HttpRequest<?> request, Function<TaskServiceBlockingStub, R> rpc) {
        return downstream.call(request, tasks, timeout, rpc);
    }
}
