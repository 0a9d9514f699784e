package vn.motcua.report.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.function.Function;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;
import vn.motcua.proto.report.v1.CountDailyReceptionsResponse;
import vn.motcua.proto.report.v1.DailyReceptionCount;
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownIndicatorResponse;
import vn.motcua.proto.report.v1.ExportReportRequest;
import vn.motcua.proto.report.v1.ExportReportResponse;
import vn.motcua.proto.report.v1.GetConsolidationRequest;
import vn.motcua.proto.report.v1.GetConsolidationResponse;
import vn.motcua.proto.report.v1.GetDossierEvaluationRequest;
import vn.motcua.proto.report.v1.GetDossierEvaluationResponse;
import vn.motcua.proto.report.v1.GetII06aReportRequest;
import vn.motcua.proto.report.v1.GetII06aReportResponse;
import vn.motcua.proto.report.v1.GetIndicatorScoresRequest;
import vn.motcua.proto.report.v1.GetIndicatorScoresResponse;
import vn.motcua.proto.report.v1.GetInternalEvaluationRequest;
import vn.motcua.proto.report.v1.GetInternalEvaluationResponse;
import vn.motcua.proto.report.v1.GetProjectionStatusRequest;
import vn.motcua.proto.report.v1.GetProjectionStatusResponse;
import vn.motcua.proto.report.v1.GetSubmissionRequest;
import vn.motcua.proto.report.v1.GetSubmissionResponse;
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ListIndicatorRuleVersionsRequest;
import vn.motcua.proto.report.v1.ListIndicatorRuleVersionsResponse;
import vn.motcua.proto.report.v1.ListOverdueDossiersRequest;
import vn.motcua.proto.report.v1.ListOverdueDossiersResponse;
import vn.motcua.proto.report.v1.ListSubmissionsRequest;
import vn.motcua.proto.report.v1.ListSubmissionsResponse;
import vn.motcua.proto.report.v1.PublishIndicatorRulesRequest;
import vn.motcua.proto.report.v1.PublishIndicatorRulesResponse;
import vn.motcua.proto.report.v1.RebuildProjectionsRequest;
import vn.motcua.proto.report.v1.RebuildProjectionsResponse;
import vn.motcua.proto.report.v1.RecomputeIndicatorsRequest;
import vn.motcua.proto.report.v1.RecomputeIndicatorsResponse;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.proto.report.v1.SubmitReportRequest;
import vn.motcua.proto.report.v1.SubmitReportResponse;
import vn.motcua.report.evaluation.grpc.EvaluationRpc;
import vn.motcua.report.export.grpc.ExportRpc;
import vn.motcua.report.ii06a.grpc.II06aRpc;
import vn.motcua.report.importer.grpc.ImportRpc;
import vn.motcua.report.indicator.grpc.IndicatorRpc;
import vn.motcua.report.projection.grpc.ProjectionRpc;
import vn.motcua.report.reception.service.ReceptionReportService;
import vn.motcua.report.submission.grpc.SubmissionRpc;

/**
 * {@code motcua.report.v1.ReportService}: one gRPC service whose calls each feature's adapter (package
 * {@code <feature>.grpc}) answers, so features stay apart while the contract stays one. Translates messages only;
 * errors propagate as DomainException and are mapped by the platform's ErrorMappingServerInterceptor.
 */
@Singleton
public class ReportServiceEndpoint extends ReportServiceGrpc.ReportServiceImplBase {

    private final ReceptionReportService reports;
    private final ImportRpc importRpc;
    private final II06aRpc iI06aRpc;
    private final ExportRpc exportRpc;
    private final SubmissionRpc submissionRpc;
    private final IndicatorRpc indicatorRpc;
    private final EvaluationRpc evaluationRpc;
    private final ProjectionRpc projectionRpc;

    public ReportServiceEndpoint(
            ReceptionReportService reports,
            ImportRpc importRpc,
            II06aRpc iI06aRpc,
            ExportRpc exportRpc,
            SubmissionRpc submissionRpc,
            IndicatorRpc indicatorRpc,
            EvaluationRpc evaluationRpc,
            ProjectionRpc projectionRpc) {
        this.reports = reports;
        this.importRpc = importRpc;
        this.iI06aRpc = iI06aRpc;
        this.exportRpc = exportRpc;
        this.submissionRpc = submissionRpc;
        this.indicatorRpc = indicatorRpc;
        this.evaluationRpc = evaluationRpc;
        this.projectionRpc = projectionRpc;
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

    @Override
    public StreamObserver<ImportDossierHistoryRequest> importDossierHistory(
            StreamObserver<ImportDossierHistoryResponse> responseObserver) {
        return importRpc.importDossierHistory(responseObserver);
    }

    @Override
    public void getII06aReport(GetII06aReportRequest request, StreamObserver<GetII06aReportResponse> responseObserver) {
        answer(request, iI06aRpc::getII06aReport, responseObserver);
    }

    @Override
    public void exportReport(ExportReportRequest request, StreamObserver<ExportReportResponse> responseObserver) {
        answer(request, exportRpc::exportReport, responseObserver);
    }

    @Override
    public void submitReport(SubmitReportRequest request, StreamObserver<SubmitReportResponse> responseObserver) {
        answer(request, submissionRpc::submitReport, responseObserver);
    }

    @Override
    public void listSubmissions(
            ListSubmissionsRequest request, StreamObserver<ListSubmissionsResponse> responseObserver) {
        answer(request, submissionRpc::listSubmissions, responseObserver);
    }

    @Override
    public void getSubmission(GetSubmissionRequest request, StreamObserver<GetSubmissionResponse> responseObserver) {
        answer(request, submissionRpc::getSubmission, responseObserver);
    }

    @Override
    public void getConsolidation(
            GetConsolidationRequest request, StreamObserver<GetConsolidationResponse> responseObserver) {
        answer(request, submissionRpc::getConsolidation, responseObserver);
    }

    @Override
    public void getIndicatorScores(
            GetIndicatorScoresRequest request, StreamObserver<GetIndicatorScoresResponse> responseObserver) {
        answer(request, indicatorRpc::getIndicatorScores, responseObserver);
    }

    @Override
    public void drillDownIndicator(
            DrillDownIndicatorRequest request, StreamObserver<DrillDownIndicatorResponse> responseObserver) {
        answer(request, indicatorRpc::drillDownIndicator, responseObserver);
    }

    @Override
    public void listIndicatorRuleVersions(
            ListIndicatorRuleVersionsRequest request,
            StreamObserver<ListIndicatorRuleVersionsResponse> responseObserver) {
        answer(request, indicatorRpc::listIndicatorRuleVersions, responseObserver);
    }

    @Override
    public void publishIndicatorRules(
            PublishIndicatorRulesRequest request, StreamObserver<PublishIndicatorRulesResponse> responseObserver) {
        answer(request, indicatorRpc::publishIndicatorRules, responseObserver);
    }

    @Override
    public void recomputeIndicators(
            RecomputeIndicatorsRequest request, StreamObserver<RecomputeIndicatorsResponse> responseObserver) {
        answer(request, indicatorRpc::recomputeIndicators, responseObserver);
    }

    @Override
    public void listOverdueDossiers(
            ListOverdueDossiersRequest request, StreamObserver<ListOverdueDossiersResponse> responseObserver) {
        answer(request, indicatorRpc::listOverdueDossiers, responseObserver);
    }

    @Override
    public void getInternalEvaluation(
            GetInternalEvaluationRequest request, StreamObserver<GetInternalEvaluationResponse> responseObserver) {
        answer(request, evaluationRpc::getInternalEvaluation, responseObserver);
    }

    @Override
    public void getDossierEvaluation(
            GetDossierEvaluationRequest request, StreamObserver<GetDossierEvaluationResponse> responseObserver) {
        answer(request, evaluationRpc::getDossierEvaluation, responseObserver);
    }

    @Override
    public void rebuildProjections(
            RebuildProjectionsRequest request, StreamObserver<RebuildProjectionsResponse> responseObserver) {
        answer(request, projectionRpc::rebuildProjections, responseObserver);
    }

    @Override
    public void getProjectionStatus(
            GetProjectionStatusRequest request, StreamObserver<GetProjectionStatusResponse> responseObserver) {
        answer(request, projectionRpc::getProjectionStatus, responseObserver);
    }

    private static <Q, A> void answer(Q request, Function<Q, A> adapter, StreamObserver<A> responseObserver) {
        responseObserver.onNext(adapter.apply(request));
        responseObserver.onCompleted();
    }
}
