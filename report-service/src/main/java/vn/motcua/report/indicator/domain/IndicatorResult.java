package vn.motcua.report.indicator.domain;

import java.math.BigDecimal;

/**
 * One indicator's figures as shown.
 *
 * @param kind         "ratio", "info" (0 points, display only) or "composite" (scored from several ratios)
 * @param ratioPercent 2 decimals, "" when the denominator is 0 or there is no single ratio
 * @param score        2 decimals; "N/A" where the data is not MotCua's; "" for an informative indicator
 * @param points       the score as a number, null when it does not count (N/A or informative)
 */
public record IndicatorResult(
        String id,
        String name,
        String kind,
        Formula formula,
        long numerator,
        long denominator,
        String ratioPercent,
        String score,
        String maxScore,
        String fullMarksAtPercent,
        String note,
        boolean drillable,
        BigDecimal points) {

    public static final String NOT_AVAILABLE = "N/A";
}
