package vn.motcua.report.campaign.domain;

import java.time.Instant;
import java.util.List;

/**
 * One version of one unit's line in a campaign (campaign_report).
 *
 * @param rows            null when left out (lists)
 * @param sourceReportIds a consolidation's sources, else empty
 */
public record CampaignReport(
        String reportId,
        String taskId,
        String unitCode,
        int version,
        ReportState state,
        boolean consolidation,
        List<CampaignRow> rows,
        int rowCount,
        String savedBy,
        Instant savedAt,
        String submittedBy,
        Instant submittedAt,
        boolean late,
        String returnedBy,
        Instant returnedAt,
        String returnReason,
        String acceptedBy,
        Instant acceptedAt,
        List<String> sourceReportIds) {

    public CampaignReport {
        rows = rows == null ? null : List.copyOf(rows);
        sourceReportIds = List.copyOf(sourceReportIds);
    }

    public CampaignReport withoutRows() {
        return rows == null ? this : withRows(null);
    }

    public CampaignReport withRows(List<CampaignRow> newRows) {
        return new CampaignReport(
                reportId,
                taskId,
                unitCode,
                version,
                state,
                consolidation,
                newRows,
                newRows == null ? rowCount : newRows.size(),
                savedBy,
                savedAt,
                submittedBy,
                submittedAt,
                late,
                returnedBy,
                returnedAt,
                returnReason,
                acceptedBy,
                acceptedAt,
                sourceReportIds);
    }
}
