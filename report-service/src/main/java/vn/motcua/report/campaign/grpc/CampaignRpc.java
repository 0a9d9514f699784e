package vn.motcua.report.campaign.grpc;

import jakarta.inject.Singleton;
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

/** Campaign reports: the proto adapter of campaign/service. */
@Singleton
public class CampaignRpc {

    public SaveCampaignDraftResponse saveCampaignDraft(SaveCampaignDraftRequest request) {
        throw new UnsupportedOperationException("SaveCampaignDraft: not built yet");
    }

    public SubmitCampaignReportResponse submitCampaignReport(SubmitCampaignReportRequest request) {
        throw new UnsupportedOperationException("SubmitCampaignReport: not built yet");
    }

    public ReturnCampaignReportResponse returnCampaignReport(ReturnCampaignReportRequest request) {
        throw new UnsupportedOperationException("ReturnCampaignReport: not built yet");
    }

    public AcceptCampaignReportResponse acceptCampaignReport(AcceptCampaignReportRequest request) {
        throw new UnsupportedOperationException("AcceptCampaignReport: not built yet");
    }

    public ConsolidateCampaignResponse consolidateCampaign(ConsolidateCampaignRequest request) {
        throw new UnsupportedOperationException("ConsolidateCampaign: not built yet");
    }

    public ListCampaignReportsResponse listCampaignReports(ListCampaignReportsRequest request) {
        throw new UnsupportedOperationException("ListCampaignReports: not built yet");
    }

    public GetCampaignReportResponse getCampaignReport(GetCampaignReportRequest request) {
        throw new UnsupportedOperationException("GetCampaignReport: not built yet");
    }

    public ExportCampaignReportResponse exportCampaignReport(ExportCampaignReportRequest request) {
        throw new UnsupportedOperationException("ExportCampaignReport: not built yet");
    }
}
