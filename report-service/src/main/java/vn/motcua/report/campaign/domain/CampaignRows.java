package vn.motcua.report.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.task.domain.CampaignTemplate;

/** The rows a unit may save: at most {@link #MAX_ROWS}, each checked against the campaign's template. */
public final class CampaignRows {

    public static final int MAX_ROWS = 5000;

    /** Beyond this many problems the answer stops listing them (a 5000-row paste with a wrong column). */
    public static final int MAX_VIOLATIONS = 100;

    private CampaignRows() {}

    /**
     * @throws DomainException INVALID_ARGUMENT: "rows" for too many, "rows[i].cells.key" for a cell, or
     *                         "rows[i].source_unit_code" for a row that claims to come from another unit
     */
    public static void check(CampaignTemplate template, List<CampaignRow> rows) {
        if (rows.size() > MAX_ROWS) {
            throw DomainException.invalid("rows", "holds " + rows.size() + " rows; a report holds at most " + MAX_ROWS);
        }
        List<FieldViolation> v = new ArrayList<>();
        for (int i = 0; i < rows.size() && v.size() < MAX_VIOLATIONS; i++) {
            CampaignRow row = rows.get(i);
            String at = "rows[" + i + "]";
            if (row.sourceUnitCode() != null || row.sourceUnitName() != null) {
                v.add(new FieldViolation(at + ".source_unit_code", "is set only by a consolidation"));
            }
            v.addAll(template.violations(at, row.cells()));
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v.size() > MAX_VIOLATIONS ? v.subList(0, MAX_VIOLATIONS) : v);
        }
    }

    /** Rows a submission would freeze with a required cell still blank (a prefilled draft never completed). */
    public static List<String> incomplete(CampaignTemplate template, List<CampaignRow> rows) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size() && problems.size() < 10; i++) {
            for (FieldViolation f :
                    template.violations("rows[" + i + "]", rows.get(i).cells())) {
                problems.add(f.field() + " " + f.description());
            }
        }
        return problems;
    }
}
