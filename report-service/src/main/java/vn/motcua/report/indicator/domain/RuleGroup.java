package vn.motcua.report.indicator.domain;

import java.math.BigDecimal;
import java.util.List;

/** A card of the 766 index (1, 2, 3a, 3b, 4, 5): its points are the sum of its indicators' points. */
public record RuleGroup(String id, String name, BigDecimal maxPoints, List<IndicatorRule> indicators) {

    public RuleGroup {
        indicators = List.copyOf(indicators);
    }
}
