package vn.motcua.report.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.function.Function;
import vn.motcua.proto.report.v1.AcceptCampaignReportRequest;
import vn.motcua.proto.report.v1.AcceptCampaignReportResponse;
import vn.motcua.proto.report.v1.CampaignServiceGrpc;
import vn.motcua.proto.report.v1.ConsolidateCampaignRequest;
import vn.motcua.proto.report.v1.ConsolidateCampaignResponse;
import vn.motcua.proto.report.v1.ExportCampaignReportRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportResponse;
import vn.motcua.proto.report.v1.GetCampaignReportRequest;
import vn.motcua.proto.report.v1.GetCampaignReportResponse;
import vn.motcua.proto.report.v1.ListCampaignReportsRequest;
import vn.motcua.proto.report.v1.ListCampaignReportsResponse;
import vn.motcua.proto.report.v1.ReturnCampaignReportRequest;
import vn.motcua.proto.report.v1.ReturnCampaignReportResponse;
import vn.motcua.proto.report.v1.SaveCampaignDraftRequest;
import vn.motcua.proto.report.v1.SaveCampaignDraftResponse;
import vn.motcua.proto.report.v1.SubmitCampaignReportRequest;
import vn.motcua.proto.report.v1.SubmitCampaignReportResponse;
import vn.motcua.report.campaign.grpc.CampaignRpc;

/** {@code motcua.report.v1.CampaignService} (issue 14): campaign reports, answered by {@link CampaignRpc}. */
@Singleton
public class CampaignServiceEndpoint extends CampaignServiceGrpc.CampaignServiceImplBase {

    private final CampaignRpc campaignRpc;

    public CampaignServiceEndpoint(CampaignRpc campaignRpc) {
        this.campaignRpc = campaignRpc;
    }

    @Override
    public void saveCampaignDraft(
            SaveCampaignDraftRequest request, StreamObserver<SaveCampaignDraftResponse> responseObserver) {
        answer(request, campaignRpc::saveCampaignDraft, responseObserver);
    }

    @Override
    public void submitCampaignReport(
            SubmitCampaignReportRequest request, StreamObserver<SubmitCampaignReportResponse> responseObserver) {
        answer(request, campaignRpc::submitCampaignReport, responseObserver);
    }

    @Override
    public void returnCampaignReport(
            ReturnCampaignReportRequest request, StreamObserver<ReturnCampaignReportResponse> responseObserver) {
        answer(request, campaignRpc::returnCampaignReport, responseObserver);
    }

    @Override
    public void acceptCampaignReport(
            AcceptCampaignReportRequest request, StreamObserver<AcceptCampaignReportResponse> responseObserver) {
        answer(request, campaignRpc::acceptCampaignReport, responseObserver);
    }

    @Override
    public void consolidateCampaign(
            ConsolidateCampaignRequest request, StreamObserver<ConsolidateCampaignResponse> responseObserver) {
        answer(request, campaignRpc::consolidateCampaign, responseObserver);
    }

    @Override
    public void listCampaignReports(
            ListCampaignReportsRequest request, StreamObserver<ListCampaignReportsResponse> responseObserver) {
        answer(request, campaignRpc::listCampaignReports, responseObserver);
    }

    @Override
    public void getCampaignReport(
            GetCampaignReportRequest request, StreamObserver<GetCampaignReportResponse> responseObserver) {
        answer(request, campaignRpc::getCampaignReport, responseObserver);
    }

    @Override
    public void exportCampaignReport(
            ExportCampaignReportRequest request, StreamObserver<ExportCampaignReportResponse> responseObserver) {
        answer(request, campaignRpc::exportCampaignReport, responseObserver);
    }

    private static <Q, A> void answer(Q request, Function<Q, A> adapter, StreamObserver<A> responseObserver) {
        responseObserver.onNext(adapter.apply(request));
        responseObserver.onCompleted();
    }
}
