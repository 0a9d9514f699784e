package vn.motcua.report.indicator.domain;

import java.math.BigDecimal;

/**
 * One indicator of a rule set: which formula it uses, its points, and the ratio that earns full marks.
 *
 * @param maxPoints          0 makes the indicator informative only (shown, not scored)
 * @param fullMarksAtPercent in (0, 100]: score = min(max, max × ratio / threshold)
 */
public record IndicatorRule(
        String id, String name, BigDecimal maxPoints, BigDecimal fullMarksAtPercent, Formula formula) {

    public boolean informative() {
        return maxPoints.signum() == 0;
    }
}
