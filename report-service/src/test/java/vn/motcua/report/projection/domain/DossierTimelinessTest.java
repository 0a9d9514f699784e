package vn.motcua.report.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Form II.06a's early / on time / late (domain.md 6.3) and 766 indicator 2.1's on time (domain.md 8.3). */
class DossierTimelinessTest {

    private static final ProjectionSettings ORIGINAL = ProjectionSettings.DEFAULTS;
    private static final ProjectionSettings EXTENDED =
            new ProjectionSettings(TimelinessRule.DAY, LateAgainst.EXTENDED_DUE);

    private static Timeliness ii06a(Facts f) {
        return DossierTimeliness.ii06a(f.build(), ORIGINAL);
    }

    @Test
    void finishedOnALocalDayBeforeTheDueDayIsEarly() {
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .issued("2026-03-04 16:59")))
                .isEqualTo(Timeliness.EARLY);
        // the days are Hanoi's: due 06:00 on the 5th is 23:00 UTC on the 4th, the finish 16:30 UTC on the 4th; by UTC
        // dates both fall on the 4th (on time), by local dates the finish is a day earlier (early)
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 06:00")
                        .issued("2026-03-04 23:30")))
                .isEqualTo(Timeliness.EARLY);
    }

    @Test
    void finishedOnTheDueDayUpToTheDueInstantIsOnTime() {
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .issued("2026-03-05 00:00")))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .issued("2026-03-05 17:00")))
                .isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void finishedASecondAfterTheDueInstantIsLateEvenOnTheSameDay() {
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .issued("2026-03-05 17:00:01")))
                .isEqualTo(Timeliness.LATE);
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .issued("2026-03-09 08:00")))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void withoutADueAResolvedDossierIsOnTimeAndAnOpenOneIsOpen() {
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00").issued("2026-05-05 08:00")))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(ii06a(Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00")))
                .isEqualTo(Timeliness.OPEN);
        assertThat(ii06a(Facts.notReceived())).isEqualTo(Timeliness.OPEN);
    }

    @Test
    void anExtensionDoesNotMakeALateDossierOnTimeUnlessTheProvinceScoresAgainstTheExtendedDue() {
        Facts f = Facts.receivedAt("2026-03-02 08:00")
                .due("2026-03-05 17:00")
                .extendedTo("2026-03-12 17:00")
                .issued("2026-03-10 09:00");
        assertThat(DossierTimeliness.ii06a(f.build(), ORIGINAL)).isEqualTo(Timeliness.LATE);
        assertThat(DossierTimeliness.ii06a(f.build(), EXTENDED)).isEqualTo(Timeliness.EARLY);
        Facts onTheNewDay = Facts.receivedAt("2026-03-02 08:00")
                .due("2026-03-05 17:00")
                .extendedTo("2026-03-12 17:00")
                .issued("2026-03-12 10:00");
        assertThat(DossierTimeliness.ii06a(onTheNewDay.build(), EXTENDED)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void withdrawnStoppedRefusedAndRejectedDossiersAreClassifiedTheSameWay() {
        for (String kind : DossierTimeliness.RESULT_KINDS) {
            Facts early =
                    Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00").ended(kind, "2026-03-03 10:00");
            Facts late =
                    Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00").ended(kind, "2026-03-06 10:00");
            assertThat(ii06a(early)).as(kind).isEqualTo(Timeliness.EARLY);
            assertThat(ii06a(late)).as(kind).isEqualTo(Timeliness.LATE);
        }
    }

    @Test
    void onTime766SubtractsClosedSupplementPausesAndComparesWithTheDueInForce() {
        // ended 2 h after due, but 3 h were spent waiting for a supplement: on time
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .paused(3 * 3600, 1)
                        .issued("2026-03-05 19:00")
                        .build()))
                .isTrue();
        // the same with only 1 h of pause: still 1 h late
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .paused(3600, 1)
                        .issued("2026-03-05 19:00")
                        .build()))
                .isFalse();
        // exactly at the due instant once adjusted: on time
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .paused(7200, 1)
                        .issued("2026-03-05 19:00")
                        .build()))
                .isTrue();
        // 766 scores against the extended appointment, unlike II.06a's default
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .extendedTo("2026-03-12 17:00")
                        .issued("2026-03-10 09:00")
                        .build()))
                .isTrue();
    }

    @Test
    void moreThanOneSupplementRequestIsNeverOnTimeFor766() {
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-20 17:00")
                        .paused(3600, 2)
                        .issued("2026-03-03 09:00")
                        .build()))
                .isFalse();
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-20 17:00")
                        .paused(3600, 1)
                        .issued("2026-03-03 09:00")
                        .build()))
                .isTrue();
    }

    @Test
    void without766DueAResolvedDossierIsOnTimeAndAnOpenOneIsNotCounted() {
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .issued("2026-06-03 09:00")
                        .build()))
                .isTrue();
        assertThat(DossierTimeliness.onTime766(Facts.receivedAt("2026-03-02 08:00")
                        .due("2026-03-05 17:00")
                        .build()))
                .isFalse();
    }

    @Test
    void unknownSettingsAreRejectedByName() {
        assertThat(TimelinessRule.parse(" day ")).isEqualTo(TimelinessRule.DAY);
        assertThat(LateAgainst.parse("extended_due")).isEqualTo(LateAgainst.EXTENDED_DUE);
        assertThatThrownBy(() -> TimelinessRule.parse("SESSION"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeliness-rule")
                .hasMessageContaining("DAY");
        assertThatThrownBy(() -> LateAgainst.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORIGINAL_DUE, EXTENDED_DUE");
    }
}
