package vn.motcua.report.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A reception counts for the civil day in Hanoi (UTC+7): 17:00 UTC is midnight there. */
class ReceptionDayInHanoiTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-27T02:15:00.123456Z, 2026-11-27",
        "2026-11-27T16:59:00Z,        2026-11-27",
        "2026-11-27T16:59:59.999999Z, 2026-11-27",
        "2026-11-27T17:00:00Z,        2026-11-28",
        "2026-11-27T17:01:00Z,        2026-11-28",
        "2026-12-31T16:59:59Z,        2026-12-31",
        "2026-12-31T17:00:00Z,        2027-01-01",
        "2026-11-26T23:30:00Z,        2026-11-27",
    })
    void localDateIsTheHanoiCalendarDay(String utc, String expected) {
        assertThat(LocalDates.of(Instant.parse(utc))).isEqualTo(LocalDate.parse(expected));
        DossierReceived reception =
                new DossierReceived("H30-1", "11077", List.of("30", "298", "11077"), Instant.parse(utc));
        assertThat(reception.localDate()).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void ancestryIncludesTheReceivingUnitEvenWhenThePathOmitsIt() {
        DossierReceived reception =
                new DossierReceived("H30-1", "11077", List.of("30", "298"), Instant.parse("2026-11-27T02:15:00Z"));
        assertThat(reception.ancestry()).containsExactly("30", "298", "11077");
    }

    @Test
    void ancestryIsThePathWhenItEndsWithTheReceivingUnit() {
        DossierReceived reception =
                new DossierReceived("H30-1", "11077", List.of("30", "11077"), Instant.parse("2026-11-27T02:15:00Z"));
        assertThat(reception.ancestry()).containsExactly("30", "11077");
    }

    @Test
    void receptionWithoutUnitOrTimeIsRejected() {
        Instant at = Instant.parse("2026-11-27T02:15:00Z");
        assertThatThrownBy(() -> new DossierReceived("H30-1", " ", List.of("30"), at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DossierReceived("H30-1", "11077", List.of("30"), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DossierReceived("H30-1", "11077", List.of("30", ""), at))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
