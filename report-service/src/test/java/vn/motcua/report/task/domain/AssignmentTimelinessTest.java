package vn.motcua.report.task.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssignmentTimelinessTest {

    private static final Instant DEADLINE = Instant.parse("2026-09-01T09:00:00Z");

    @Test
    void doneAtOrBeforeTheEffectiveDeadlineIsOnTimeAfterItLate() {
        Instant muchLater = DEADLINE.plusSeconds(86_400 * 30);
        assertThat(AssignmentTimeliness.of(DEADLINE.minusSeconds(1), DEADLINE, muchLater))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(AssignmentTimeliness.of(DEADLINE, DEADLINE, muchLater)).isEqualTo(Timeliness.ON_TIME);
        assertThat(AssignmentTimeliness.of(DEADLINE.plusNanos(1000), DEADLINE, muchLater))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void notDoneIsPendingUntilTheDeadlinePassesThenMissing() {
        assertThat(AssignmentTimeliness.of(null, DEADLINE, DEADLINE.minusSeconds(5)))
                .isEqualTo(Timeliness.PENDING);
        assertThat(AssignmentTimeliness.of(null, DEADLINE, DEADLINE)).isEqualTo(Timeliness.PENDING);
        assertThat(AssignmentTimeliness.of(null, DEADLINE, DEADLINE.plusSeconds(1)))
                .isEqualTo(Timeliness.MISSING);
    }

    @Test
    void silentMeansNothingCameFromTheUnitAndItIsNotDone() {
        assertThat(AssignmentTimeliness.silent(null, null)).isTrue();
        assertThat(AssignmentTimeliness.silent(null, DEADLINE)).isFalse();
        assertThat(AssignmentTimeliness.silent(DEADLINE, null)).isFalse();
    }
}
