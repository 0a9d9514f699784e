package vn.motcua.report.indicator.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A group's figures.
 *
 * @param score  the sum of its scored indicators (capped at its max), "N/A" when none of them could be scored
 * @param points the score as a number, null when N/A
 */
public record GroupResult(
        String id, String name, String maxScore, String score, BigDecimal points, List<IndicatorResult> indicators) {

    public GroupResult {
        indicators = List.copyOf(indicators);
    }
}
