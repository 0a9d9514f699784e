package vn.motcua.report.ii06a.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class II06aCountsBetweenPrefixesTest {

    /** Counters in StatCounters' order: online, counter, postal, boundary-free, early, on time, late, late+apology,
     * withdrawn, refused, due, closed due. */
    private static StatCounters prefix(long... v) {
        return new StatCounters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    @Test
    void flowsAreTheDifferenceAndBalancesAreWhatWasOpenAtEachEnd() {
        // before the period: 10 received (4 online, 5 counter, 1 postal), 6 resolved; 3 had fallen due, 1 of them
        // closed
        StatCounters start = prefix(4, 5, 1, 0, 1, 4, 1, 0, 0, 1, 3, 1);
        // before the end: 25 received (9 online, 12 counter, 4 postal, 2 boundary-free), 15 resolved
        StatCounters end = prefix(9, 12, 4, 2, 3, 8, 4, 2, 1, 2, 11, 5);

        II06aCounts c = II06aCounts.between(start, end);

        assertThat(c.receivedOnline()).isEqualTo(5);
        assertThat(c.receivedDirectOrPostal()).isEqualTo(7 + 3);
        assertThat(c.receivedPostal()).isEqualTo(3);
        assertThat(c.receivedBoundaryFree()).isEqualTo(2);
        assertThat(c.carriedOver()).isEqualTo(10 - 6);
        assertThat(c.total()).isEqualTo(5 + 10 + 4);
        assertThat(c.resolvedEarly()).isEqualTo(2);
        assertThat(c.resolvedOnTime()).isEqualTo(4);
        assertThat(c.resolvedLate()).isEqualTo(3);
        assertThat(c.resolved()).isEqualTo(9);
        assertThat(c.resolvedLateWithApology()).isEqualTo(2);
        assertThat(c.resolvedLateWithoutApology()).isEqualTo(1);
        assertThat(c.withdrawn()).isEqualTo(1);
        assertThat(c.refused()).isEqualTo(1);
        assertThat(c.inProgress()).isEqualTo(25 - 15);
        assertThat(c.inProgressOverdue()).isEqualTo(11 - 5);
        assertThat(c.inProgressWithinDue()).isEqualTo(10 - 6);
        assertThat(II06aInvariants.violations(c)).isEmpty();
    }

    @Test
    void aPeriodNotYetOverSplitsWhatIsOpenAsOfAnEarlierPrefix() {
        StatCounters start = prefix(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // 4 received, none resolved; 3 due before the period's end, only 1 of them before today
        StatCounters end = prefix(2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0);
        StatCounters today = prefix(2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);

        II06aCounts c = II06aCounts.between(start, end, today);

        assertThat(c.inProgress()).isEqualTo(4);
        assertThat(c.inProgressOverdue()).isEqualTo(1);
        assertThat(c.inProgressWithinDue()).isEqualTo(3);
        assertThat(II06aCounts.between(start, end).inProgressOverdue()).isEqualTo(3);
    }

    @Test
    void emptyPrefixesGiveAnAllZeroRow() {
        assertThat(II06aCounts.between(StatCounters.ZERO, StatCounters.ZERO)).isEqualTo(II06aCounts.ZERO);
    }

    @Test
    void theCarriedOverOfAPeriodIsTheInProgressOfTheWindowBefore() {
        StatCounters p0 = prefix(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
        StatCounters p1 = prefix(3, 2, 1, 0, 1, 2, 1, 0, 0, 0, 2, 1);
        StatCounters p2 = prefix(5, 2, 1, 1, 2, 3, 1, 0, 0, 0, 4, 2);

        II06aCounts before = II06aCounts.between(p0, p1);
        II06aCounts period = II06aCounts.between(p1, p2);

        // 6 received before p1, 4 resolved
        assertThat(period.carriedOver()).isEqualTo(before.inProgress()).isEqualTo(2);
    }

    @Test
    void sumsOverflowLoudlyInsteadOfWrapping() {
        II06aCounts huge = new II06aCounts(Long.MAX_VALUE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> huge.plus(huge))
                .isInstanceOf(ArithmeticException.class);
    }
}
