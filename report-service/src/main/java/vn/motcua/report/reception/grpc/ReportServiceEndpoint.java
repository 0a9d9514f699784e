package vn.motcua.report.reception.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;
import vn.motcua.proto.report.v1.CountDailyReceptionsResponse;
import vn.motcua.proto.report.v1.DailyReceptionCount;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.reception.service.ReceptionReportService;

/**
 * {@code motcua.report.v1.ReportService}: translates messages only. Errors propagate as DomainException and are
 * mapped by the platform's ErrorMappingServerInterceptor.
 */
@Singleton
public class ReportServiceEndpoint extends ReportServiceGrpc.ReportServiceImplBase {

    private final ReceptionReportService reports;

    public ReportServiceEndpoint(ReceptionReportService reports) {
        this.reports = reports;
    }

    @Override
    public void countDailyReceptions(
            CountDailyReceptionsRequest request, StreamObserver<CountDailyReceptionsResponse> responseObserver) {
        var rows = reports.countDailyReceptions(
                CallContext.requireCaller(), request.getUnitCode(), request.getFromDate(), request.getToDate());
        CountDailyReceptionsResponse.Builder response = CountDailyReceptionsResponse.newBuilder();
        rows.forEach(row -> response.addRows(DailyReceptionCount.newBuilder()
                .setUnitCode(row.unitCode())
                .setDate(row.date().toString())
                .setReceived(row.received())));
        responseObserver.onNext(response.build());
        responseObserver.onCompleted();
    }
}
