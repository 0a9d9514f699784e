package vn.motcua.gateway.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.GetConsolidationRequest;
import vn.motcua.proto.report.v1.GetSubmissionRequest;
import vn.motcua.proto.report.v1.ListSubmissionsRequest;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.ReportKind;
import vn.motcua.proto.report.v1.ReportServiceGrpc.ReportServiceBlockingStub;
import vn.motcua.proto.report.v1.SubmitReportRequest;

/**
 * Frozen, versioned period reports (issue 13): a unit leader submits the unit's report for a period (version 1, then
 * corrections with a reason and a diff against the previous version); officers read the versions and a parent unit's
 * consolidation of its children's submissions (which are in, late or missing). The province's puller reads the
 * consolidation on {@code /api/v1/machine/reports/consolidation}. Who may submit for which unit, deadlines and the
 * reason's rules are report-service's.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubmissionsController {

    private final Downstream downstream;
    private final ReportServiceBlockingStub reports;
    private final JsonMapper json;
    private final Duration timeout;

    public SubmissionsController(
            Downstream downstream,
            ReportServiceBlockingStub reports,
            JsonMapper json,
            @Value("${motcua.gateway.reports.timeout:30s}") Duration timeout) {
        this.downstream = downstream;
        this.reports = reports;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * A unit leader: freezes the unit's report for a period as its next version, body {unitCode?, kind
     * (II06A|INDICATORS_766), period {kind, year, number, from?, to?, window?}, reason? (required for a correction)}.
     * Answers 201 with the submission (and its diff against the previous version); Location is the version's route.
     */
    @Post("/reports/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.UNIT_LEADER)
    public HttpResponse<ReportJson.Submission> submit(HttpRequest<?> request, @Nullable @Body String body) {
        Violations v = new Violations();
        JsonBody b = JsonBody.read(json, body, true, Set.of("unitCode", "kind", "period", "reason"), v);
        String unit = v.code("unitCode", b.string("unitCode"), false);
        ReportKind kind = v.oneOf(b.path("kind"), b.string("kind"), true, ReportParams.KINDS);
        Period period = ReportParams.bodyPeriod(v, b);
        // required from version 2 on, at most 1000 characters: the service's rules
        String reason = b.text("reason");
        v.throwIfAny();
        SubmitReportRequest rpc = SubmitReportRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setKind(kind)
                .setPeriod(period)
                .setReason(reason)
                .build();
        ReportParams.bodyPeriodNames(request);
        ReportJson.Submission submitted = ReportJson.Submission.from(
                call(request, s -> s.submitReport(rpc)).getSubmission());
        return HttpResponse.created(submitted, URI.create("/api/v1/reports/submissions/" + submitted.submissionId()));
    }

    /** Officers: the versions submitted for a unit and period ({@code kind=ii06a|indicators}), newest first. */
    @Get("/reports/submissions")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.Submissions list(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        ReportKind k = v.oneOf("kind", kind, true, ReportParams.QUERY_KINDS);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        v.throwIfAny();
        ListSubmissionsRequest rpc = ListSubmissionsRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setKind(k)
                .setPeriod(period)
                .build();
        ReportParams.periodNames(request);
        return new ReportJson.Submissions(call(request, s -> s.listSubmissions(rpc)).getSubmissionsList().stream()
                .map(ReportJson.Submission::from)
                .toList());
    }

    /** Officers: one version with its frozen figures and its diff against the previous version. */
    @Get("/reports/submissions/{id}")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.Submission one(HttpRequest<?> request, @PathVariable String id) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        v.throwIfAny();
        GetSubmissionRequest rpc =
                GetSubmissionRequest.newBuilder().setSubmissionId(valid).build();
        return ReportJson.Submission.from(
                call(request, s -> s.getSubmission(rpc)).getSubmission());
    }

    /**
     * Officers: a parent unit's consolidation of its children's submitted versions for a period ({@code
     * kind=ii06a|indicators}): which children are in (version, late or not), which are missing, and the summed rows.
     */
    @Get("/reports/consolidation")
    @Access(AccessPolicy.REPORT_READER)
    public ReportJson.ConsolidationJson consolidation(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window) {
        return consolidate(request, unitCode, kind, periodKind, year, number, from, to, window);
    }

    /** The province's puller: the same consolidation as {@code /reports/consolidation}. */
    @Get("/machine/reports/consolidation")
    @Access(AccessPolicy.REPORT_MACHINE)
    public ReportJson.ConsolidationJson consolidationForMachines(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window) {
        return consolidate(request, unitCode, kind, periodKind, year, number, from, to, window);
    }

    private ReportJson.ConsolidationJson consolidate(
            HttpRequest<?> request,
            @Nullable String unitCode,
            @Nullable String kind,
            @Nullable String periodKind,
            @Nullable String year,
            @Nullable String number,
            @Nullable String from,
            @Nullable String to,
            @Nullable String window) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        ReportKind k = v.oneOf("kind", kind, true, ReportParams.QUERY_KINDS);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        v.throwIfAny();
        GetConsolidationRequest rpc = GetConsolidationRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setKind(k)
                .setPeriod(period)
                .build();
        ReportParams.periodNames(request);
        return ReportJson.ConsolidationJson.from(
                call(request, s -> s.getConsolidation(rpc)).getConsolidation());
    }

    private <R> R call(HttpRequest<?> request, Function<ReportServiceBlockingStub, R> rpc) {
        return downstream.call(request, reports, timeout, rpc);
    }
}
