package vn.motcua.report.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SubmissionDeadlinesTest {

    private final SubmissionDeadlines defaults = new SubmissionDeadlines(3, 5, LocalTime.of(16, 0));
    private final LocalDate endOfQ3 = LocalDate.of(2026, 9, 30);

    @Test
    void aUnitWithoutChildrenIsDueThreeDaysAfterThePeriodAt16LocalTime() {
        // 03/10/2026 16:00 in Hanoi is 09:00 UTC
        assertThat(defaults.deadline(endOfQ3, false)).isEqualTo(Instant.parse("2026-10-03T09:00:00Z"));
    }

    @Test
    void aParentGetsLongerToConsolidateItsChildren() {
        assertThat(defaults.deadline(endOfQ3, true)).isEqualTo(Instant.parse("2026-10-05T09:00:00Z"));
    }

    @Test
    void lateIsStrictlyAfterTheDeadline() {
        assertThat(defaults.late(Instant.parse("2026-10-03T09:00:00Z"), endOfQ3, false))
                .isFalse();
        assertThat(defaults.late(Instant.parse("2026-10-03T09:00:00.000001Z"), endOfQ3, false))
                .isTrue();
        // the same moment is on time for the district, whose deadline is two days later
        assertThat(defaults.late(Instant.parse("2026-10-03T09:00:00.000001Z"), endOfQ3, true))
                .isFalse();
    }

    @Test
    void negativeDaysAreAConfigurationError() {
        assertThatThrownBy(() -> new SubmissionDeadlines(-1, 5, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
