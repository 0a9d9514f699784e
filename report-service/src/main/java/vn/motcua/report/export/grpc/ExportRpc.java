package vn.motcua.report.export.grpc;

import io.grpc.Status;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.ExportReportRequest;
import vn.motcua.proto.report.v1.ExportReportResponse;

/** Report files (helper: ii06a). Placeholder until its helper lands. */
@Singleton
public class ExportRpc {

    public ExportReportResponse exportReport(ExportReportRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("ExportReport is not built yet")
                .asRuntimeException();
    }
}
