package vn.motcua.report.indicator.service;

import java.time.Instant;
import java.util.List;
import vn.motcua.report.indicator.domain.IndicatorPeriod;
import vn.motcua.report.indicator.domain.ScoreSheet;
import vn.motcua.report.scope.service.UnitNode;

/**
 * A unit's 766 scores for a period.
 *
 * @param subtree     the subtree's figures, or the unit's own dossiers only
 * @param ruleVersion the rule version these were computed with (the pin)
 * @param children    the same for each direct child, when asked for
 */
public record UnitScores(
        UnitNode unit,
        IndicatorPeriod period,
        boolean subtree,
        int ruleVersion,
        ScoreSheet sheet,
        Instant computedAt,
        List<UnitScores> children) {

    public UnitScores {
        children = List.copyOf(children);
    }
}
