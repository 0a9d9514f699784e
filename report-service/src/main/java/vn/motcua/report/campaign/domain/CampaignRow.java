package vn.motcua.report.campaign.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a campaign report: column key to the value's text. A consolidation's rows also name the unit they came
 * from; a unit's own rows leave both null.
 */
public record CampaignRow(Map<String, String> cells, String sourceUnitCode, String sourceUnitName) {

    public CampaignRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    public static CampaignRow of(Map<String, String> cells) {
        return new CampaignRow(cells, null, null);
    }

    /** The same cells, credited to the unit they came from (consolidation). */
    public CampaignRow from(String unitCode, String unitName) {
        return new CampaignRow(cells, unitCode, unitName);
    }
}
