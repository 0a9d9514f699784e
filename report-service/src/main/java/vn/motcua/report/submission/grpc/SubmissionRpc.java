package vn.motcua.report.submission.grpc;

import io.grpc.Status;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.GetConsolidationRequest;
import vn.motcua.proto.report.v1.GetConsolidationResponse;
import vn.motcua.proto.report.v1.GetSubmissionRequest;
import vn.motcua.proto.report.v1.GetSubmissionResponse;
import vn.motcua.proto.report.v1.ListSubmissionsRequest;
import vn.motcua.proto.report.v1.ListSubmissionsResponse;
import vn.motcua.proto.report.v1.SubmitReportRequest;
import vn.motcua.proto.report.v1.SubmitReportResponse;

/** Frozen submissions (helper: ii06a). Placeholder until its helper lands. */
@Singleton
public class SubmissionRpc {

    public SubmitReportResponse submitReport(SubmitReportRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("SubmitReport is not built yet")
                .asRuntimeException();
    }

    public ListSubmissionsResponse listSubmissions(ListSubmissionsRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("ListSubmissions is not built yet")
                .asRuntimeException();
    }

    public GetSubmissionResponse getSubmission(GetSubmissionRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetSubmission is not built yet")
                .asRuntimeException();
    }

    public GetConsolidationResponse getConsolidation(GetConsolidationRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetConsolidation is not built yet")
                .asRuntimeException();
    }
}
