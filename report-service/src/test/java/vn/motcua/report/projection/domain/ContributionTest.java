package vn.motcua.report.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.projection.domain.StatCounter.CLOSED_DUE_COUNT;
import static vn.motcua.report.projection.domain.StatCounter.RECEIVED_POSTAL;
import static vn.motcua.report.projection.domain.StatCounter.REFUSED;
import static vn.motcua.report.projection.domain.StatCounter.RESOLVED_EARLY;
import static vn.motcua.report.projection.domain.StatCounter.WITHDRAWN;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one dossier adds to stat_day / stat_month / i766_month, vector by vector, computed by hand. */
class ContributionTest {

    private static final ProcedureInfo PLAIN = new ProcedureInfo("Hộ tịch", false);
    private static final ProcedureInfo PAPER = new ProcedureInfo("Đất đai", true);

    private static Contribution of(Facts f, DossierLinks links, ProcedureInfo procedure) {
        return Contribution.of(f.build(), links, procedure, ProjectionSettings.DEFAULTS);
    }

    /** The non-zero counters per day, as "2026-03-02 RECEIVED_COUNTER" lines. */
    private static List<String> days(Contribution c) {
        return c.days().entrySet().stream()
                .flatMap(e -> Arrays.stream(StatCounter.values())
                        .filter(k -> e.getValue()[k.ordinal()] != 0)
                        .map(k -> e.getKey() + " " + k
                                + (e.getValue()[k.ordinal()] == 1 ? "" : " x" + e.getValue()[k.ordinal()])))
                .toList();
    }

    private static List<String> months(Contribution c) {
        return c.months().entrySet().stream()
                .flatMap(e -> Arrays.stream(StatCounter.values())
                        .filter(k -> e.getValue()[k.ordinal()] != 0)
                        .map(k -> e.getKey() + " " + k))
                .toList();
    }

    private static List<I766Counter> i766(Contribution c) {
        return Arrays.stream(I766Counter.values()).filter(k -> c.i766(k) == 1).toList();
    }

    @Test
    void aCounterDossierFinishedEarlyCountsItsReceptionItsEndAndLeavesTheDueSetOnItsDueDay() {
        Contribution c = of(
                Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00").issued("2026-03-04 10:00"),
                DossierLinks.NONE,
                PLAIN);

        assertThat(c.unitCode()).isEqualTo("11077");
        assertThat(c.fieldCode()).isEqualTo("Hộ tịch");
        assertThat(c.procedureCode()).isEqualTo("1.001193");
        assertThat(days(c))
                .containsExactly(
                        "2026-03-02 RECEIVED_COUNTER",
                        "2026-03-04 RESOLVED_EARLY",
                        "2026-03-04 RESOLVED_ON_TIME_766",
                        "2026-03-05 DUE_COUNT",
                        "2026-03-05 CLOSED_DUE_COUNT");
        assertThat(months(c))
                .containsExactly(
                        "202603 RECEIVED_COUNTER",
                        "202603 RESOLVED_EARLY",
                        "202603 RESOLVED_ON_TIME_766",
                        "202603 DUE_COUNT",
                        "202603 CLOSED_DUE_COUNT");
        assertThat(c.receptionMonth()).isEqualTo(202603);
        assertThat(i766(c)).containsExactly(I766Counter.RECEIVED);
    }

    @Test
    void anOnlineBoundaryFreeDossierLateWithAnApologyAcrossMonthsWithEveryLink() {
        // received 22:00 on 30 January in Hanoi (15:00 UTC): January; due 2 Feb, extended to 10 Feb, issued 6 Feb
        Contribution c = of(
                Facts.receivedAt("2026-01-30 22:00")
                        .channel("ONLINE")
                        .unit("298")
                        .boundaryFree()
                        .due("2026-02-02 17:00")
                        .extendedTo("2026-02-10 17:00")
                        .issued("2026-02-06 09:00"),
                new DossierLinks(true, true, true, true, false, true, true),
                PAPER);

        assertThat(c.unitCode()).as("the statistics unit is the competent one").isEqualTo("298");
        assertThat(days(c))
                .containsExactly(
                        "2026-01-30 RECEIVED_ONLINE",
                        "2026-01-30 RECEIVED_BOUNDARY_FREE",
                        // II.06a against the original due: late, with an apology; 766 against the extended one: on time
                        "2026-02-06 RESOLVED_LATE",
                        "2026-02-06 RESOLVED_LATE_WITH_APOLOGY",
                        "2026-02-06 RESOLVED_ON_TIME_766",
                        // the overdue set follows due_at, the appointment in force
                        "2026-02-10 DUE_COUNT",
                        "2026-02-10 CLOSED_DUE_COUNT");
        assertThat(months(c))
                .containsExactly(
                        "202601 RECEIVED_ONLINE",
                        "202601 RECEIVED_BOUNDARY_FREE",
                        "202602 RESOLVED_LATE",
                        "202602 RESOLVED_LATE_WITH_APOLOGY",
                        "202602 RESOLVED_ON_TIME_766",
                        "202602 DUE_COUNT",
                        "202602 CLOSED_DUE_COUNT");
        assertThat(c.receptionMonth()).isEqualTo(202601);
        assertThat(i766(c))
                .containsExactly(
                        I766Counter.RECEIVED,
                        I766Counter.RECEIVED_ONLINE,
                        I766Counter.ONLINE_COUNTED,
                        I766Counter.FINANCIAL_OBLIGATION,
                        I766Counter.PAID_ONLINE,
                        I766Counter.PAPER_RESULT_REQUIRED,
                        I766Counter.PAPER_RESULT_ELECTRONIC,
                        I766Counter.DIGITIZED,
                        I766Counter.LINKED_TO_WAREHOUSE,
                        I766Counter.FEEDBACK_OR_DISLIKE);
    }

    @Test
    void aDossierLateAgainstItsDueLeavesTheOverdueSetWhenItEnds() {
        Contribution c = of(
                Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00").issued("2026-03-09 08:00"),
                DossierLinks.NONE,
                PLAIN);
        assertThat(days(c))
                .containsExactly(
                        "2026-03-02 RECEIVED_COUNTER",
                        "2026-03-05 DUE_COUNT",
                        "2026-03-09 RESOLVED_LATE",
                        "2026-03-09 CLOSED_DUE_COUNT");
        assertThat(i766(c)).containsExactly(I766Counter.RECEIVED, I766Counter.RESOLVED_LATE);
    }

    @Test
    void anOnlineDossierOfAPaperResultProcedureWithoutElectronicResultIsNotCountedOnlineFor33() {
        Contribution c = of(
                Facts.receivedAt("2026-03-02 08:00")
                        .channel("ONLINE")
                        .issued("2026-03-04 10:00")
                        .rated(false),
                new DossierLinks(false, false, true, false, true, false, false),
                PAPER);
        assertThat(i766(c))
                .containsExactly(
                        I766Counter.RECEIVED,
                        I766Counter.RECEIVED_ONLINE,
                        I766Counter.PAPER_RESULT_REQUIRED,
                        I766Counter.REUSES_DATA,
                        I766Counter.FEEDBACK_OR_DISLIKE,
                        I766Counter.RATED);
        // no due: on time for both rules, and never in the overdue set
        assertThat(days(c))
                .containsExactly(
                        "2026-03-02 RECEIVED_ONLINE", "2026-03-04 RESOLVED_ON_TIME", "2026-03-04 RESOLVED_ON_TIME_766");
    }

    @Test
    void withdrawnStoppedRefusedAndRejectedCountAsResolvedAndInTheirOwnColumns() {
        Map<String, StatCounter> column = new LinkedHashMap<>();
        column.put("WITHDRAWN", WITHDRAWN);
        column.put("STOPPED", WITHDRAWN);
        column.put("REFUSED", REFUSED);
        column.put("REJECTED", REFUSED);
        column.forEach((kind, counter) -> {
            Contribution c = of(
                    Facts.receivedAt("2026-03-02 08:00")
                            .channel("POSTAL")
                            .due("2026-03-05 17:00")
                            .ended(kind, "2026-03-03 10:00"),
                    DossierLinks.NONE,
                    PLAIN);
            LocalDate end = LocalDate.of(2026, 3, 3);
            assertThat(c.stat(LocalDate.of(2026, 3, 2), RECEIVED_POSTAL))
                    .as(kind)
                    .isEqualTo(1);
            assertThat(c.stat(end, RESOLVED_EARLY)).as(kind).isEqualTo(1);
            assertThat(c.stat(end, counter)).as(kind).isEqualTo(1);
            assertThat(c.stat(end, counter == WITHDRAWN ? REFUSED : WITHDRAWN))
                    .as(kind)
                    .isZero();
            assertThat(c.stat(LocalDate.of(2026, 3, 5), CLOSED_DUE_COUNT))
                    .as(kind)
                    .isEqualTo(1);
        });
    }

    @Test
    void anOpenDossierCountsItsReceptionAndItsDueOnlyAndANotReceivedOneNothing() {
        Contribution open = of(Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00"), DossierLinks.NONE, PLAIN);
        assertThat(days(open)).containsExactly("2026-03-02 RECEIVED_COUNTER", "2026-03-05 DUE_COUNT");
        assertThat(open.stat(LocalDate.of(2026, 3, 5), CLOSED_DUE_COUNT)).isZero();

        Contribution none = of(Facts.notReceived().due("2026-03-05 17:00"), DossierLinks.NONE, PLAIN);
        assertThat(none.isNone()).isTrue();
        assertThat(none).isEqualTo(Contribution.NONE);
    }

    @Test
    void theSameStateGivesAnEqualContributionAndADifferentOneADifferentOne() {
        Facts f = Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00").issued("2026-03-04 10:00");
        assertThat(of(f, DossierLinks.NONE, PLAIN)).isEqualTo(of(f, DossierLinks.NONE, PLAIN));
        assertThat(of(f, DossierLinks.NONE, PLAIN)).isNotEqualTo(of(f, DossierLinks.NONE, PAPER));
        assertThat(of(f, DossierLinks.NONE, PLAIN))
                .isNotEqualTo(of(f, new DossierLinks(true, false, false, false, false, false, false), PLAIN));
    }

    @Test
    void theVectorsFollowV2sColumnOrder() {
        assertThat(Arrays.stream(StatCounter.values()).map(StatCounter::column))
                .containsExactly(
                        "received_online",
                        "received_counter",
                        "received_postal",
                        "received_boundary_free",
                        "resolved_early",
                        "resolved_on_time",
                        "resolved_late",
                        "resolved_late_with_apology",
                        "withdrawn",
                        "refused",
                        "resolved_on_time_766",
                        "due_count",
                        "closed_due_count");
    }
}
