package vn.motcua.report.indicator.domain;

/**
 * PAKN received in a period (feedback_fact).
 *
 * @param onTime    handled in time, or still open and not yet past the answer limit at the period end
 * @param satisfied on time, not dissatisfied and not repeated
 * @param repeated  followed by a PAKN about the answer (prolonged, for Circular 01/2018 indicator 8)
 */
public record FeedbackCounts(
        long total, long onTime, long satisfied, long aboutRegulation, long aboutStaff, long repeated) {

    public static final FeedbackCounts ZERO = new FeedbackCounts(0, 0, 0, 0, 0, 0);

    public FeedbackCounts plus(FeedbackCounts o) {
        return new FeedbackCounts(
                total + o.total,
                onTime + o.onTime,
                satisfied + o.satisfied,
                aboutRegulation + o.aboutRegulation,
                aboutStaff + o.aboutStaff,
                repeated + o.repeated);
    }
}
