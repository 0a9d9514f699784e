package vn.motcua.gateway.task;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.AcceptCampaignReportRequest;
import vn.motcua.proto.report.v1.CampaignReport;
import vn.motcua.proto.report.v1.CampaignRow;
import vn.motcua.proto.report.v1.CampaignServiceGrpc.CampaignServiceBlockingStub;
import vn.motcua.proto.report.v1.ConsolidateCampaignRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportResponse;
import vn.motcua.proto.report.v1.GetCampaignReportRequest;
import vn.motcua.proto.report.v1.ListCampaignReportsRequest;
import vn.motcua.proto.report.v1.ReturnCampaignReportRequest;
import vn.motcua.proto.report.v1.SaveCampaignDraftRequest;
import vn.motcua.proto.report.v1.SubmitCampaignReportRequest;

/**
 * Campaign reports (báo cáo thu thập số liệu, issue 14): an assigned unit fills its draft in the campaign's template
 * and its leader submits it (frozen as a version); the receiving unit returns it with a reason (the unit then saves
 * the next version) or accepts it; the issuer consolidates its assignees' accepted versions into its own draft and
 * submits that to its parent. Every version reads as JSON, the latest submitted one as XLSX, also for the province's
 * puller on {@code /api/v1/machine/tasks/{taskId}/reports/export.xlsx}. States, versions, who receives and who acts
 * are report-service's rules (CampaignService).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CampaignReportsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The service's file name goes into a header only when it is plainly harmless ASCII ending in .xlsx. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    private static final String FALLBACK_FILE = "bao-cao-thu-thap.xlsx";

    private final Downstream downstream;
    private final CampaignServiceBlockingStub campaigns;
    private final JsonMapper json;
    private final Duration timeout;

    public CampaignReportsController(
            Downstream downstream,
            CampaignServiceBlockingStub campaigns,
            JsonMapper json,
            @Value("${motcua.gateway.reports.timeout:30s}") Duration timeout) {
        this.downstream = downstream;
        this.campaigns = campaigns;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Officers of an assigned unit: creates or replaces the unit's draft, body {unitCode? (default: the caller's
     * unit), rows[{cells{key: value}}]}: each value a string as its column's type writes it ("12", "3.5",
     * "2026-12-07", "true"; null is an empty cell). After a return this is the next version. At most 5000 rows;
     * unknown keys, a value of the wrong type or a required column left empty are refused by the service.
     */
    @Put("/tasks/{taskId}/reports/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Report saveDraft(HttpRequest<?> request, @PathVariable String taskId, @Nullable @Body String body) {
        Violations v = new Violations();
        String id = v.code("taskId", taskId, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("unitCode", "rows"), v);
        SaveCampaignDraftRequest.Builder rpc = SaveCampaignDraftRequest.newBuilder()
                .setTaskId(TaskParams.orEmpty(id))
                .setUnitCode(TaskParams.code(v, b, "unitCode"));
        Set<String> keys = new HashSet<>();
        for (JsonBody row : b.objects("rows", Set.of("cells"), TaskParams.MAX_ROWS)) {
            Map<String, String> cells = row.stringMap("cells", TaskParams.MAX_CELLS);
            keys.addAll(cells.keySet());
            rpc.addRows(CampaignRow.newBuilder().putAllCells(cells));
        }
        v.throwIfAny();
        TaskParams.cellNames(request, keys);
        SaveCampaignDraftRequest built = rpc.build();
        return report(call(request, s -> s.saveCampaignDraft(built)).getReport());
    }

    /**
     * The unit leader of an assigned unit (or of the issuer, for its consolidation): freezes the unit's draft as
     * submitted, body {unitCode?}; late when after the effective deadline. Idempotency-Key makes a retry answer the
     * first submission.
     */
    @Post("/tasks/{taskId}/reports/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_LEADER)
    public TaskJson.Report submit(
            HttpRequest<?> request,
            @PathVariable String taskId,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        String id = v.code("taskId", taskId, true);
        JsonBody b = JsonBody.read(json, body, false, Set.of("unitCode"), v);
        SubmitCampaignReportRequest rpc = SubmitCampaignReportRequest.newBuilder()
                .setRequestId(requestId)
                .setTaskId(TaskParams.orEmpty(id))
                .setUnitCode(TaskParams.code(v, b, "unitCode"))
                .build();
        v.throwIfAny();
        return report(call(request, s -> s.submitCampaignReport(rpc)).getReport());
    }

    /**
     * A unit leader or specialist of the issuing unit: builds the issuer's draft from its assignees' accepted
     * versions (which become CONSOLIDATED); again while that draft is open, rebuilds it. Body {} or none. The issuer
     * then submits it with {@code /reports/submit}.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_CAMPAIGN_RECEIVERS,
                                            parseValue = true)))
    @Post("/tasks/{taskId}/consolidation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Report consolidate(
            HttpRequest<?> request, @PathVariable String taskId, @Nullable @Body String body) {
        Violations v = new Violations();
        String id = v.code("taskId", taskId, true);
        JsonBody.read(json, body, false, Set.of(), v);
        v.throwIfAny();
        ConsolidateCampaignRequest rpc =
                ConsolidateCampaignRequest.newBuilder().setTaskId(id).build();
        return report(call(request, s -> s.consolidateCampaign(rpc)).getReport());
    }

    /** Officers of a unit or above: every version of every unit's line the caller may read ({@code unitCode}: one). */
    @Get("/tasks/{taskId}/reports")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Reports list(
            HttpRequest<?> request, @PathVariable String taskId, @Nullable @QueryValue String unitCode) {
        Violations v = new Violations();
        String id = v.code("taskId", taskId, true);
        String unit = v.code("unitCode", unitCode, false);
        v.throwIfAny();
        ListCampaignReportsRequest rpc = ListCampaignReportsRequest.newBuilder()
                .setTaskId(id)
                .setUnitCode(TaskParams.orEmpty(unit))
                .build();
        return new TaskJson.Reports(call(request, s -> s.listCampaignReports(rpc)).getReportsList().stream()
                .map(TaskJson.Report::from)
                .toList());
    }

    /** Officers of the report's unit or above: one version with its rows. */
    @Get("/campaign-reports/{reportId}")
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Report one(HttpRequest<?> request, @PathVariable String reportId) {
        String id = reportId(reportId);
        GetCampaignReportRequest rpc =
                GetCampaignReportRequest.newBuilder().setReportId(id).build();
        return report(call(request, s -> s.getCampaignReport(rpc)).getReport());
    }

    /**
     * A unit leader or specialist of the receiving unit: sends a submitted version back for correction, body {reason}
     * (1..1000 characters); the unit is notified and saves the next version.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_CAMPAIGN_RECEIVERS,
                                            parseValue = true)))
    @Post("/campaign-reports/{reportId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Report sendBack(
            HttpRequest<?> request, @PathVariable String reportId, @Nullable @Body String body) {
        Violations v = new Violations();
        String id = v.code("reportId", reportId, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("reason"), v);
        ReturnCampaignReportRequest rpc = ReturnCampaignReportRequest.newBuilder()
                .setReportId(TaskParams.orEmpty(id))
                // required, at most 1000 characters: the service's rules
                .setReason(b.text("reason"))
                .build();
        v.throwIfAny();
        return report(call(request, s -> s.returnCampaignReport(rpc)).getReport());
    }

    /** A unit leader or specialist of the receiving unit: accepts a submitted version. Body {} or none. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_CAMPAIGN_RECEIVERS,
                                            parseValue = true)))
    @Post("/campaign-reports/{reportId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.REPORT_READER)
    public TaskJson.Report accept(HttpRequest<?> request, @PathVariable String reportId, @Nullable @Body String body) {
        Violations v = new Violations();
        String id = v.code("reportId", reportId, true);
        JsonBody.read(json, body, false, Set.of(), v);
        v.throwIfAny();
        AcceptCampaignReportRequest rpc =
                AcceptCampaignReportRequest.newBuilder().setReportId(id).build();
        return report(call(request, s -> s.acceptCampaignReport(rpc)).getReport());
    }

    /**
     * Officers whose subtree holds the unit: the unit's ({@code unitCode}, default the caller's) latest submitted
     * version as XLSX, an attachment named {@code <task>-<unit>-v<version>.xlsx}.
     */
    @Get(value = "/tasks/{taskId}/reports/export.xlsx", produces = XLSX)
    @Access(AccessPolicy.REPORT_READER)
    public HttpResponse<byte[]> export(
            HttpRequest<?> request, @PathVariable String taskId, @Nullable @QueryValue String unitCode) {
        return file(request, taskId, unitCode);
    }

    /** The province's puller (client credentials, report_viewer): the same file as the officers' route. */
    @Get(value = "/machine/tasks/{taskId}/reports/export.xlsx", produces = XLSX)
    @Access(AccessPolicy.REPORT_MACHINE)
    public HttpResponse<byte[]> exportForMachines(
            HttpRequest<?> request, @PathVariable String taskId, @Nullable @QueryValue String unitCode) {
        return file(request, taskId, unitCode);
    }

    private HttpResponse<byte[]> file(HttpRequest<?> request, String taskId, @Nullable String unitCode) {
        Violations v = new Violations();
        String id = v.code("taskId", taskId, true);
        String unit = v.code("unitCode", unitCode, false);
        v.throwIfAny();
        ExportCampaignReportRequest rpc = ExportCampaignReportRequest.newBuilder()
                .setTaskId(id)
                .setUnitCode(TaskParams.orEmpty(unit))
                .build();
        ExportCampaignReportResponse answer = call(request, s -> s.exportCampaignReport(rpc));
        return HttpResponse.ok(answer.getContent().toByteArray())
                .contentType(MediaType.of(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(answer) + "\"");
    }

    /** The service's name when harmless (ASCII, no path, .xlsx), else a fixed one: it goes into a header. */
    static String fileName(ExportCampaignReportResponse answer) {
        String name = answer.getFileName();
        return FILE_NAME.matcher(name).matches() && name.endsWith(".xlsx") && !name.startsWith(".")
                ? name
                : FALLBACK_FILE;
    }

    private static String reportId(String reportId) {
        Violations v = new Violations();
        String id = v.code("reportId", reportId, true);
        v.throwIfAny();
        return id;
    }

    private static TaskJson.Report report(CampaignReport report) {
        return TaskJson.Report.from(report);
    }

    private <R> R call(HttpRequest<?> request, Function<CampaignServiceBlockingStub, R> rpc) {
        return downstream.call(request, campaigns, timeout, rpc);
    }
}
