package vn.motcua.report.indicator.domain;

/**
 * The stat_month prefix sums indicator 2.1 needs, for a set of units and a calendar period [T0, T1) (T0 = start of the
 * first day, T1 = start of the day after the last): "before start" sums the months before the period, "before end"
 * every month up to its last, "in period" its months.
 */
public record StatCounts(
        long receivedBeforeStart,
        long resolvedBeforeStart,
        long receivedInPeriod,
        long onTime766InPeriod,
        long receivedBeforeEnd,
        long resolvedBeforeEnd,
        long dueBeforeEnd,
        long closedDueBeforeEnd) {

    public static final StatCounts ZERO = new StatCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public StatCounts plus(StatCounts o) {
        return new StatCounts(
                receivedBeforeStart + o.receivedBeforeStart,
                resolvedBeforeStart + o.resolvedBeforeStart,
                receivedInPeriod + o.receivedInPeriod,
                onTime766InPeriod + o.onTime766InPeriod,
                receivedBeforeEnd + o.receivedBeforeEnd,
                resolvedBeforeEnd + o.resolvedBeforeEnd,
                dueBeforeEnd + o.dueBeforeEnd,
                closedDueBeforeEnd + o.closedDueBeforeEnd);
    }

    /** Open at T0: received before it and not resolved before it. */
    public long carriedOver() {
        return receivedBeforeStart - resolvedBeforeStart;
    }

    /** Open at T1 minus open and overdue at T1 (no due date counts as not yet due). */
    public long openNotYetDueAtEnd() {
        return (receivedBeforeEnd - resolvedBeforeEnd) - (dueBeforeEnd - closedDueBeforeEnd);
    }

    /** 2.1 numerator: resolved in the period on time by the 766 rule, plus open and not yet due at the end. */
    public long onTimeNumerator() {
        return onTime766InPeriod + openNotYetDueAtEnd();
    }

    /** 2.1 denominator: received in the period plus carried over. */
    public long onTimeDenominator() {
        return receivedInPeriod + carriedOver();
    }
}
