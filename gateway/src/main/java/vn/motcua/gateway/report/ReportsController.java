package vn.motcua.gateway.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.LocalDate;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;
import vn.motcua.proto.report.v1.ReportServiceGrpc.ReportServiceBlockingStub;

/**
 * Daily reception counts, for officers and, on a separate route, for machine clients (the province's report
 * puller), so the two audiences can be governed separately. The service limits rows to the caller's subtree.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportsController {

    private final Downstream downstream;
    private final ReportServiceBlockingStub reports;

    public ReportsController(Downstream downstream, ReportServiceBlockingStub reports) {
        this.downstream = downstream;
        this.reports = reports;
    }

    @Get("/reports/daily-receptions")
    @Access(AccessPolicy.OFFICER)
    public DailyReceptionsJson forOfficers(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        return count(request, unitCode, from, to);
    }

    @Get("/machine/reports/daily-receptions")
    @Access(AccessPolicy.REPORT_MACHINE)
    public DailyReceptionsJson forMachines(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to) {
        return count(request, unitCode, from, to);
    }

    private DailyReceptionsJson count(
            HttpRequest<?> request, @Nullable String unitCode, @Nullable String from, @Nullable String to) {
        Violations violations = new Violations();
        String unit = violations.code("unitCode", unitCode, false);
        LocalDate fromDate = violations.date("from", from, true);
        LocalDate toDate = violations.date("to", to, true);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            violations.add("to", "must not be before from");
        }
        violations.throwIfAny();
        CountDailyReceptionsRequest rpc = CountDailyReceptionsRequest.newBuilder()
                .setUnitCode(unit == null ? "" : unit)
                .setFromDate(fromDate.toString())
                .setToDate(toDate.toString())
                .build();
        return DailyReceptionsJson.from(downstream.call(request, reports, s -> s.countDailyReceptions(rpc)));
    }
}
