package vn.motcua.report.task.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The board's and punctuality's counts. */
class BoardCountsTest {

    @Test
    void eachAssignmentCountsOnceByTimelinessAndSilentOnesAlsoAsSilent() {
        BoardCounts c = BoardCounts.ZERO
                .plus(Timeliness.ON_TIME, false)
                .plus(Timeliness.ON_TIME, false)
                .plus(Timeliness.LATE, false)
                .plus(Timeliness.MISSING, true)
                .plus(Timeliness.PENDING, true);
        assertThat(c).isEqualTo(new BoardCounts(2, 1, 1, 1, 2));
    }

    @Test
    void onTimePerMilleIsOverWhatFellDueRoundedHalfUp() {
        assertThat(new BoardCounts(2, 1, 1, 5, 0).onTimePerMille()).isEqualTo(500);
        assertThat(new BoardCounts(2, 1, 0, 0, 0).onTimePerMille()).isEqualTo(667);
        assertThat(new BoardCounts(1, 2, 0, 0, 0).onTimePerMille()).isEqualTo(333);
        assertThat(new BoardCounts(1, 0, 0, 0, 0).onTimePerMille()).isEqualTo(1000);
        assertThat(new BoardCounts(0, 0, 1, 0, 0).onTimePerMille()).isZero();
        assertThat(new BoardCounts(0, 0, 0, 3, 3).onTimePerMille())
                .as("nothing fell due")
                .isEqualTo(-1);
    }

    @Test
    void countsAddUp() {
        assertThat(new BoardCounts(1, 2, 3, 4, 5).plus(new BoardCounts(10, 20, 30, 40, 50)))
                .isEqualTo(new BoardCounts(11, 22, 33, 44, 55));
    }
}
