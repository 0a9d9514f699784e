package vn.motcua.report.campaign.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.report.v1.CampaignReportChanged;
import vn.motcua.proto.report.v1.CampaignReportState;
import vn.motcua.proto.report.v1.CampaignRow;
import vn.motcua.proto.report.v1.UnitRef;
import vn.motcua.report.campaign.domain.CampaignReport;
import vn.motcua.report.campaign.service.CampaignFeed;
import vn.motcua.report.scope.service.UnitNode;

/** Campaign reports as proto messages, for answers and for the change feed's CampaignReportChanged. */
@Singleton
public class CampaignMessages implements CampaignFeed.Encoder {

    @Override
    public Message changed(CampaignReport report, UnitNode unit) {
        return CampaignReportChanged.newBuilder()
                .setReport(report(report, unit))
                .build();
    }

    /** Rows are included when the report carries them. */
    public static vn.motcua.proto.report.v1.CampaignReport report(CampaignReport r, UnitNode unit) {
        vn.motcua.proto.report.v1.CampaignReport.Builder b = vn.motcua.proto.report.v1.CampaignReport.newBuilder()
                .setReportId(r.reportId())
                .setTaskId(r.taskId())
                .setUnit(unit(unit))
                .setVersion(r.version())
                .setState(state(r))
                .setConsolidation(r.consolidation())
                .setRowCount(r.rowCount())
                .setSavedBy(nullToEmpty(r.savedBy()))
                .setSubmittedBy(nullToEmpty(r.submittedBy()))
                .setLate(r.late())
                .setReturnedBy(nullToEmpty(r.returnedBy()))
                .setReturnReason(nullToEmpty(r.returnReason()))
                .setAcceptedBy(nullToEmpty(r.acceptedBy()))
                .addAllSourceReportIds(r.sourceReportIds());
        setIf(r.savedAt(), b::setSavedAt);
        setIf(r.submittedAt(), b::setSubmittedAt);
        setIf(r.returnedAt(), b::setReturnedAt);
        setIf(r.acceptedAt(), b::setAcceptedAt);
        if (r.rows() != null) {
            for (vn.motcua.report.campaign.domain.CampaignRow row : r.rows()) {
                b.addRows(CampaignRow.newBuilder()
                        .putAllCells(row.cells())
                        .setSourceUnitCode(nullToEmpty(row.sourceUnitCode()))
                        .setSourceUnitName(nullToEmpty(row.sourceUnitName())));
            }
        }
        return b.build();
    }

    public static List<vn.motcua.report.campaign.domain.CampaignRow> rows(List<CampaignRow> rows) {
        List<vn.motcua.report.campaign.domain.CampaignRow> found = new ArrayList<>(rows.size());
        for (CampaignRow row : rows) {
            // the map's order on the wire is not kept by protobuf: sort the keys so a saved row reads back the same
            java.util.Map<String, String> cells = new java.util.TreeMap<>(row.getCellsMap());
            found.add(new vn.motcua.report.campaign.domain.CampaignRow(
                    cells, emptyToNull(row.getSourceUnitCode()), emptyToNull(row.getSourceUnitName())));
        }
        return found;
    }

    public static CampaignReportState state(CampaignReport r) {
        return switch (r.state()) {
            case DRAFT -> CampaignReportState.CAMPAIGN_REPORT_STATE_DRAFT;
            case SUBMITTED -> CampaignReportState.CAMPAIGN_REPORT_STATE_SUBMITTED;
            case RETURNED -> CampaignReportState.CAMPAIGN_REPORT_STATE_RETURNED;
            case ACCEPTED -> CampaignReportState.CAMPAIGN_REPORT_STATE_ACCEPTED;
            case CONSOLIDATED -> CampaignReportState.CAMPAIGN_REPORT_STATE_CONSOLIDATED;
        };
    }

    public static UnitRef unit(UnitNode unit) {
        UnitLevel level = UnitLevel.forNumber(unit.level());
        return UnitRef.newBuilder()
                .setCode(unit.code())
                .setName(unit.name())
                .setLevel(level == null ? UnitLevel.UNIT_LEVEL_UNSPECIFIED : level)
                .setParentCode(nullToEmpty(unit.parent()))
                .build();
    }

    private static void setIf(Instant at, java.util.function.Consumer<Timestamp> setter) {
        if (at != null) {
            setter.accept(Timestamp.newBuilder()
                    .setSeconds(at.getEpochSecond())
                    .setNanos(at.getNano())
                    .build());
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
