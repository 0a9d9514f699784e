package vn.motcua.report.ii06a.grpc;

import io.grpc.Status;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.GetII06aReportRequest;
import vn.motcua.proto.report.v1.GetII06aReportResponse;

/** Form II.06a (helper: ii06a). Placeholder until its helper lands. */
@Singleton
public class II06aRpc {

    public GetII06aReportResponse getII06aReport(GetII06aReportRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetII06aReport is not built yet")
                .asRuntimeException();
    }
}
