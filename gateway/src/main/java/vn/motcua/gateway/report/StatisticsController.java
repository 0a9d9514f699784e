package vn.motcua.gateway.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownSide;
import vn.motcua.proto.report.v1.GetDossierEvaluationRequest;
import vn.motcua.proto.report.v1.GetII06aReportRequest;
import vn.motcua.proto.report.v1.GetIndicatorScoresRequest;
import vn.motcua.proto.report.v1.GetInternalEvaluationRequest;
import vn.motcua.proto.report.v1.GetProjectionStatusRequest;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.ListIndicatorRuleVersionsRequest;
import vn.motcua.proto.report.v1.ListOverdueDossiersRequest;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PublishIndicatorRulesRequest;
import vn.motcua.proto.report.v1.RebuildProjectionsRequest;
import vn.motcua.proto.report.v1.RecomputeIndicatorsRequest;
import vn.motcua.proto.report.v1.ReportServiceGrpc.ReportServiceBlockingStub;

/**
 * Statistics of report-service (issue 13): form II.06a, the Decision 766 indicators with the drill-down to their
 * dossiers, the indicator rule versions, the Circular 01/2018 internal evaluation, overdue dossiers and the
 * projection's maintenance. Officers read on {@code /api/v1/reports/...} ({@link AccessPolicy#REPORT_READER}: people
 * only); the province's puller reads II.06a and the indicators on {@code /api/v1/machine/reports/...}
 * ({@link AccessPolicy#REPORT_MACHINE}). The gateway checks the shape of the query and body; which units a caller
 * reads (its subtree), what a period means and every other rule are the service's, whose field violations come back
 * under the names sent here.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatisticsController {

    private static final String RULES_FIELDS_REASON = "reason";
    /** Overdue's warning window: a whole number of hours; how far ahead is allowed is the service's rule. */
    private static final int MAX_HOURS = 1_000_000;

    private final Downstream downstream;
    private final ReportServiceBlockingStub reports;
    private final JsonMapper json;
    private final Duration timeout;

    public StatisticsController(
            Downstream downstream,
            ReportServiceBlockingStub reports,
            JsonMapper json,
            @Value("${motcua.gateway.reports.timeout:30s}") Duration timeout) {
        this.downstream = downstream;
        this.reports = reports;
        this.json = json;
        this.timeout = timeout;
    }

    // --- form II.06a ----------------------------------------------------------------------------------------------

    /**
     * Officers: form II.06a for a unit's subtree ({@code unitCode}, default the caller's unit) and a period
     * ({@code periodKind=MONTH|QUARTER|HALF_YEAR|NINE_MONTHS|YEAR|RANGE}, {@code year}, {@code number}, {@code from},
     * {@code to}, {@code window=CALENDAR|CUTOFF_15}), one row per unit ({@code grouping=UNIT}, default) with a
     * subtotal per unit that has children, or per field ({@code grouping=FIELD}).
     */
    @Get("/reports/ii06a")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.II06a ii06a(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @QueryValue String grouping) {
        return ii06aReport(request, unitCode, periodKind, year, number, from, to, window, grouping);
    }

    /** The province's puller (client credentials, report_viewer): the same II.06a as {@code /reports/ii06a}. */
    @Get("/machine/reports/ii06a")
    @Access(AccessPolicy.REPORT_MACHINE)
    public ReportJson.II06a ii06aForMachines(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @QueryValue String grouping) {
        return ii06aReport(request, unitCode, periodKind, year, number, from, to, window, grouping);
    }

    private ReportJson.II06a ii06aReport(
            HttpRequest<?> request,
            @Nullable String unitCode,
            @Nullable String periodKind,
            @Nullable String year,
            @Nullable String number,
            @Nullable String from,
            @Nullable String to,
            @Nullable String window,
            @Nullable String grouping) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        II06aGrouping g = v.oneOf("grouping", grouping, false, ReportParams.GROUPINGS);
        v.throwIfAny();
        GetII06aReportRequest.Builder rpc = GetII06aReportRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setPeriod(period);
        if (g != null) {
            rpc.setGrouping(g);
        }
        ReportParams.periodNames(request);
        return ReportJson.II06a.from(
                call(request, s -> s.getII06aReport(rpc.build())).getReport());
    }

    // --- Decision 766 ---------------------------------------------------------------------------------------------

    /**
     * Officers: the Decision 766 indicators of a unit ({@code unitCode}, default the caller's) for a calendar month,
     * quarter or year (the period parameters); {@code subtree=true} for the unit and every unit below (default false:
     * the unit's own dossiers), {@code includeChildren=true} for the same figures per direct child.
     */
    @Get("/reports/indicators")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.Indicators indicators(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @QueryValue String subtree,
            @Nullable @QueryValue String includeChildren) {
        return indicatorScores(request, unitCode, periodKind, year, number, from, to, window, subtree, includeChildren);
    }

    /** The province's puller: the same indicators as {@code /reports/indicators}. */
    @Get("/machine/reports/indicators")
    @Access(AccessPolicy.REPORT_MACHINE)
    public ReportJson.Indicators indicatorsForMachines(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @QueryValue String subtree,
            @Nullable @QueryValue String includeChildren) {
        return indicatorScores(request, unitCode, periodKind, year, number, from, to, window, subtree, includeChildren);
    }

    private ReportJson.Indicators indicatorScores(
            HttpRequest<?> request,
            @Nullable String unitCode,
            @Nullable String periodKind,
            @Nullable String year,
            @Nullable String number,
            @Nullable String from,
            @Nullable String to,
            @Nullable String window,
            @Nullable String subtree,
            @Nullable String includeChildren) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        boolean whole = ReportParams.bool(v, "subtree", subtree, false);
        boolean children = ReportParams.bool(v, "includeChildren", includeChildren, false);
        v.throwIfAny();
        GetIndicatorScoresRequest rpc = GetIndicatorScoresRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setPeriod(period)
                .setSubtree(whole)
                .setIncludeChildren(children)
                .build();
        ReportParams.periodNames(request);
        return ReportJson.Indicators.from(
                call(request, s -> s.getIndicatorScores(rpc)).getScores());
    }

    /**
     * Officers: the exact dossiers counted in one indicator's {@code side=numerator|denominator} for the same unit,
     * period and {@code subtree} as its score, a page at a time ({@code pageSize}, {@code pageToken}); total is the
     * score's figure.
     */
    @Get("/reports/indicators/{id}/dossiers")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.DrillDown drillDown(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @QueryValue String side,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @QueryValue String subtree,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        String indicator = v.code("id", id, true);
        DrillDownSide s = v.oneOf("side", side, true, ReportParams.SIDES);
        String unit = v.code("unitCode", unitCode, false);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        boolean whole = ReportParams.bool(v, "subtree", subtree, false);
        var page = v.page(pageSize, pageToken);
        v.throwIfAny();
        DrillDownIndicatorRequest rpc = DrillDownIndicatorRequest.newBuilder()
                .setIndicatorId(indicator)
                .setSide(s)
                .setUnitCode(ReportParams.orEmpty(unit))
                .setPeriod(period)
                .setSubtree(whole)
                .setPage(page)
                .build();
        ReportParams.periodNames(request);
        return ReportJson.DrillDown.from(call(request, stub -> stub.drillDownIndicator(rpc)));
    }

    /** Officers: the indicator rule sets, newest first. */
    @Get("/reports/indicator-rules")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.RuleVersions ruleVersions(HttpRequest<?> request) {
        return new ReportJson.RuleVersions(
                call(request, s -> s.listIndicatorRuleVersions(ListIndicatorRuleVersionsRequest.getDefaultInstance()))
                        .getVersionsList()
                        .stream()
                        .map(ReportJson.RuleVersion::from)
                        .toList());
    }

    /**
     * A unit_admin (of a root unit: the service's rule): publishes a new version of the indicator rules, body
     * {effectiveFromMonth (YYYY-MM), rulesJson (the rule set as JSON text, report-service/README.md), reason}.
     * Periods already computed keep their version until recomputed. Answers 201 with the version.
     */
    @Post("/reports/indicator-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_ADMIN)
    public HttpResponse<ReportJson.RuleVersion> publishRules(HttpRequest<?> request, @Nullable @Body String body) {
        Violations v = new Violations();
        JsonBody b = JsonBody.read(json, body, true, Set.of("effectiveFromMonth", "rulesJson", RULES_FIELDS_REASON), v);
        // the month's format, the rule set's content and the reason's length are the service's rules
        PublishIndicatorRulesRequest rpc = PublishIndicatorRulesRequest.newBuilder()
                .setEffectiveFromMonth(b.text("effectiveFromMonth"))
                .setRulesJson(b.text("rulesJson"))
                .setReason(b.text(RULES_FIELDS_REASON))
                .build();
        v.throwIfAny();
        return HttpResponse.status(HttpStatus.CREATED)
                .body(ReportJson.RuleVersion.from(
                        call(request, s -> s.publishIndicatorRules(rpc)).getVersion()));
    }

    /**
     * A unit_admin covering the unit: recomputes a past period on purpose with the rules in effect now, body
     * {unitCode?, period {kind, year, number, from?, to?, window?}, subtree?, reason}. Answers the new scores.
     */
    @Post("/reports/indicators:recompute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_ADMIN)
    public ReportJson.Indicators recompute(HttpRequest<?> request, @Nullable @Body String body) {
        Violations v = new Violations();
        JsonBody b = JsonBody.read(json, body, true, Set.of("unitCode", "period", "subtree", "reason"), v);
        String unit = v.code("unitCode", b.string("unitCode"), false);
        Period period = ReportParams.bodyPeriod(v, b);
        boolean subtree = b.bool("subtree");
        String reason = b.text("reason");
        v.throwIfAny();
        RecomputeIndicatorsRequest rpc = RecomputeIndicatorsRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setPeriod(period)
                .setSubtree(subtree)
                .setReason(reason)
                .build();
        ReportParams.bodyPeriodNames(request);
        return ReportJson.Indicators.from(
                call(request, s -> s.recomputeIndicators(rpc)).getScores());
    }

    // --- Circular 01/2018 internal evaluation ---------------------------------------------------------------------

    /** Officers: agency and officer scores (Circular 01/2018 Art 13-15) for a unit's subtree and a period. */
    @Get("/reports/internal-evaluation")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.Evaluation internalEvaluation(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        v.throwIfAny();
        GetInternalEvaluationRequest rpc = GetInternalEvaluationRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setPeriod(period)
                .build();
        ReportParams.periodNames(request);
        return ReportJson.Evaluation.from(
                call(request, s -> s.getInternalEvaluation(rpc)).getEvaluation());
    }

    /** Officers: the nine indicators of one dossier (its unit must be in the caller's subtree, else 404). */
    @Get("/reports/dossiers/{code}/evaluation")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.DossierEvaluationJson dossierEvaluation(HttpRequest<?> request, @PathVariable String code) {
        Violations v = new Violations();
        String valid = v.code("code", code, true);
        v.throwIfAny();
        GetDossierEvaluationRequest rpc =
                GetDossierEvaluationRequest.newBuilder().setDossierCode(valid).build();
        return ReportJson.DossierEvaluationJson.from(
                call(request, s -> s.getDossierEvaluation(rpc)).getEvaluation());
    }

    // --- early warning --------------------------------------------------------------------------------------------

    /**
     * Officers: open dossiers past their due time in a unit's subtree, most overdue first; {@code dueWithinHours}
     * also lists those due within that many hours (default 0: overdue only); {@code pageSize}, {@code pageToken}.
     */
    @Get("/reports/overdue")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.Overdue overdue(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String dueWithinHours,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        int hours = ReportParams.whole(v, "dueWithinHours", dueWithinHours, 0, MAX_HOURS);
        var page = v.page(pageSize, pageToken);
        v.throwIfAny();
        ListOverdueDossiersRequest rpc = ListOverdueDossiersRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setDueWithinHours(hours)
                .setPage(page)
                .build();
        ReportParams.periodNames(request);
        return ReportJson.Overdue.from(call(request, s -> s.listOverdueDossiers(rpc)));
    }

    // --- projection maintenance -----------------------------------------------------------------------------------

    /** Officers: the cursor of each followed feed, the generation and the fact counts. */
    @Get("/reports/projections/status")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.Status projectionStatus(HttpRequest<?> request) {
        return ReportJson.Status.from(
                call(request, s -> s.getProjectionStatus(GetProjectionStatusRequest.getDefaultInstance()))
                        .getStatus());
    }

    /**
     * A unit_admin of a root unit (the service's rule): drops every projection and replays all feeds from seq 0
     * (imports are kept and re-applied), body {reason}. Answers 202 with the new generation: the replay goes on in
     * the service (GET /reports/projections/status follows it).
     */
    @Post("/reports/projections:rebuild")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_ADMIN)
    public HttpResponse<ReportJson.Rebuild> rebuild(HttpRequest<?> request, @Nullable @Body String body) {
        Violations v = new Violations();
        JsonBody b = JsonBody.read(json, body, false, Set.of("reason"), v);
        String reason = b.text("reason");
        v.throwIfAny();
        RebuildProjectionsRequest rpc =
                RebuildProjectionsRequest.newBuilder().setReason(reason).build();
        return HttpResponse.<ReportJson.Rebuild>status(HttpStatus.ACCEPTED)
                .body(new ReportJson.Rebuild(
                        call(request, s -> s.rebuildProjections(rpc)).getGeneration()));
    }

    private <R> R call(HttpRequest<?> request, Function<ReportServiceBlockingStub, R> rpc) {
        return downstream.call(request, reports, timeout, rpc);
    }
}
