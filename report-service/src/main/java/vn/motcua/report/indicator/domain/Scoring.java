package vn.motcua.report.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The 766 arithmetic (domain.md 8.1): ratios in percent and points, 2 decimals, half-up, from exact fractions. */
public final class Scoring {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int WORKING_SCALE = 20;

    private Scoring() {}

    /** num / den in percent, 2 decimals; "" when den is 0. */
    public static String percent(long numerator, long denominator) {
        if (denominator == 0) {
            return "";
        }
        return BigDecimal.valueOf(numerator)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** min(max, max × ratio / threshold) with ratio = num / den in percent; rounded once, from the exact quotient. */
    public static BigDecimal generic(BigDecimal max, BigDecimal thresholdPercent, long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        BigDecimal value = max.multiply(BigDecimal.valueOf(numerator)).multiply(HUNDRED);
        BigDecimal divisor = BigDecimal.valueOf(denominator).multiply(thresholdPercent);
        BigDecimal score = value.divide(divisor, 2, RoundingMode.HALF_UP);
        return score.min(max.setScale(2, RoundingMode.HALF_UP));
    }

    /** A fraction for composites: 0 when the denominator is 0 (domain.md 8.5). */
    public static BigDecimal fraction(long numerator, long denominator) {
        if (denominator == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), WORKING_SCALE, RoundingMode.HALF_UP);
    }

    /** 3b: min(max, 6·A + min(2, 2.5·B) + 2.5·C), 2 decimals (domain.md 8.5, verified against the DVCQG API). */
    public static BigDecimal onlinePayment(BigDecimal max, BigDecimal a, BigDecimal b, BigDecimal c) {
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal twoAndHalf = new BigDecimal("2.5");
        BigDecimal score = BigDecimal.valueOf(6)
                .multiply(a)
                .add(two.min(twoAndHalf.multiply(b)))
                .add(twoAndHalf.multiply(c));
        return score.min(max).setScale(2, RoundingMode.HALF_UP);
    }

    /** Points as printed: 2 decimals. */
    public static String points(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A fraction as a percent with 2 decimals. */
    public static String percentOf(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
