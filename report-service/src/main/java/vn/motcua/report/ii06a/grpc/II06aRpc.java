package vn.motcua.report.ii06a.grpc;

import jakarta.inject.Singleton;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.report.v1.GetII06aReportRequest;
import vn.motcua.proto.report.v1.GetII06aReportResponse;
import vn.motcua.report.ii06a.service.II06aReportService;

/** GetII06aReport: any officer or report_viewer, for a unit of their subtree (ReportScope). */
@Singleton
public class II06aRpc {

    private final II06aReportService reports;

    public II06aRpc(II06aReportService reports) {
        this.reports = reports;
    }

    public GetII06aReportResponse getII06aReport(GetII06aReportRequest request) {
        var report = reports.report(
                CallContext.requireCaller(),
                request.getUnitCode(),
                II06aMessages.period(request.getPeriod()),
                II06aMessages.grouping(request.getGrouping(), "grouping"));
        return GetII06aReportResponse.newBuilder()
                .setReport(II06aMessages.report(report))
                .build();
    }
}
