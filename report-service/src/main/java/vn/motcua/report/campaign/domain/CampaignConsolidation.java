package vn.motcua.report.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.error.DomainException;

/**
 * The issuer's consolidation: every assignee's latest version that was accepted (ACCEPTED, or CONSOLIDATED by an
 * earlier consolidation that is being rebuilt), its rows credited to the unit, units in assignment order and rows in
 * their order. Units with nothing accepted are left out (the board shows them).
 */
public record CampaignConsolidation(
        List<CampaignRow> rows, List<String> sourceReportIds, List<String> newlyConsolidated) {

    /** One assignee's line. @param latest null when the unit has no version */
    public record Source(String unitCode, String unitName, CampaignReport latest) {}

    public CampaignConsolidation {
        rows = List.copyOf(rows);
        sourceReportIds = List.copyOf(sourceReportIds);
        newlyConsolidated = List.copyOf(newlyConsolidated);
    }

    /**
     * @param sources each assignee with its latest version, rows included
     * @throws DomainException FAILED_PRECONDITION / RULE_VIOLATED when no assignee's report was accepted
     */
    public static CampaignConsolidation of(List<Source> sources) {
        List<CampaignRow> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (Source s : sources) {
            CampaignReport r = s.latest();
            if (r == null || (r.state() != ReportState.ACCEPTED && r.state() != ReportState.CONSOLIDATED)) {
                continue;
            }
            ids.add(r.reportId());
            if (r.state() == ReportState.ACCEPTED) {
                fresh.add(r.reportId());
            }
            for (CampaignRow row : r.rows()) {
                rows.add(row.from(s.unitCode(), s.unitName()));
            }
        }
        if (ids.isEmpty()) {
            throw DomainException.ruleViolated(
                    "NOTHING_ACCEPTED",
                    "no assigned unit's report has been accepted yet: accept at least one before consolidating");
        }
        return new CampaignConsolidation(rows, ids, fresh);
    }
}
