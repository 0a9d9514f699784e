package vn.motcua.report.campaign.grpc;

import com.google.protobuf.ByteString;
import jakarta.inject.Singleton;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.report.v1.AcceptCampaignReportRequest;
import vn.motcua.proto.report.v1.AcceptCampaignReportResponse;
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
import vn.motcua.report.campaign.service.CampaignService;

/**
 * Campaign reports: the proto adapter of campaign/service. Draft saves, the consolidation and GetCampaignReport answer
 * with rows; the other answers leave them out (row_count tells how many).
 */
@Singleton
public class CampaignRpc {

    private final CampaignService campaigns;

    public CampaignRpc(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    public SaveCampaignDraftResponse saveCampaignDraft(SaveCampaignDraftRequest request) {
        CampaignService.Shown s = campaigns.saveDraft(
                CallContext.requireCaller(),
                request.getTaskId(),
                request.getUnitCode(),
                CampaignMessages.rows(request.getRowsList()));
        return SaveCampaignDraftResponse.newBuilder().setReport(report(s)).build();
    }

    public SubmitCampaignReportResponse submitCampaignReport(SubmitCampaignReportRequest request) {
        CampaignService.Shown s = campaigns.submit(
                CallContext.requireCaller(), request.getRequestId(), request.getTaskId(), request.getUnitCode());
        return SubmitCampaignReportResponse.newBuilder().setReport(report(s)).build();
    }

    public ReturnCampaignReportResponse returnCampaignReport(ReturnCampaignReportRequest request) {
        CampaignService.Shown s =
                campaigns.returnReport(CallContext.requireCaller(), request.getReportId(), request.getReason());
        return ReturnCampaignReportResponse.newBuilder().setReport(report(s)).build();
    }

    public AcceptCampaignReportResponse acceptCampaignReport(AcceptCampaignReportRequest request) {
        CampaignService.Shown s = campaigns.accept(CallContext.requireCaller(), request.getReportId());
        return AcceptCampaignReportResponse.newBuilder().setReport(report(s)).build();
    }

    public ConsolidateCampaignResponse consolidateCampaign(ConsolidateCampaignRequest request) {
        CampaignService.Shown s = campaigns.consolidate(CallContext.requireCaller(), request.getTaskId());
        return ConsolidateCampaignResponse.newBuilder().setReport(report(s)).build();
    }

    public ListCampaignReportsResponse listCampaignReports(ListCampaignReportsRequest request) {
        ListCampaignReportsResponse.Builder response = ListCampaignReportsResponse.newBuilder();
        campaigns
                .list(CallContext.requireCaller(), request.getTaskId(), request.getUnitCode())
                .forEach(s -> response.addReports(report(s)));
        return response.build();
    }

    public GetCampaignReportResponse getCampaignReport(GetCampaignReportRequest request) {
        CampaignService.Shown s = campaigns.get(CallContext.requireCaller(), request.getReportId());
        return GetCampaignReportResponse.newBuilder().setReport(report(s)).build();
    }

    public ExportCampaignReportResponse exportCampaignReport(ExportCampaignReportRequest request) {
        CampaignService.Export e =
                campaigns.export(CallContext.requireCaller(), request.getTaskId(), request.getUnitCode());
        return ExportCampaignReportResponse.newBuilder()
                .setContent(ByteString.copyFrom(e.content()))
                .setFileName(e.fileName())
                .setReportId(e.reportId())
                .setVersion(e.version())
                .build();
    }

    private static vn.motcua.proto.report.v1.CampaignReport report(CampaignService.Shown s) {
        return CampaignMessages.report(s.report(), s.unit());
    }
}
