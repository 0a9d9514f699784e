package vn.motcua.report.indicator.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;

/** Settings of the 766 indicators, checked once at startup so a bad value stops the service instead of a report. */
@Singleton
public class IndicatorSettings {

    public static final String ONLINE_PAYMENT_TARGET = "motcua.report.online-payment-target-percent";

    /**
     * 15 working days (the PAKN answer limit, domain.md 13.2) as calendar days: report-service has no working
     * calendar, so an open PAKN counts as in time while it is at most this old at the period end.
     */
    public static final Duration FEEDBACK_ANSWER_LIMIT = Duration.ofDays(21);

    private final BigDecimal onlinePaymentTargetPercent;

    public IndicatorSettings(@Value("${" + ONLINE_PAYMENT_TARGET + ":30}") String onlinePaymentTargetPercent) {
        BigDecimal target;
        try {
            target = new BigDecimal(onlinePaymentTargetPercent.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    ONLINE_PAYMENT_TARGET + " must be a number, not " + onlinePaymentTargetPercent);
        }
        if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalStateException(ONLINE_PAYMENT_TARGET + " must be above 0 and at most 100");
        }
        this.onlinePaymentTargetPercent = target;
    }

    /** The province's online payment target on ratio A (the directive's 30% by default). */
    public BigDecimal onlinePaymentTargetPercent() {
        return onlinePaymentTargetPercent;
    }
}
