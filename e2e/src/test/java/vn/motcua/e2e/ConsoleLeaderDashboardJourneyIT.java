package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The leader dashboard in a real browser (browser/leader-dashboard.journey.cjs): district 298's leader (made here
 * through the user administration, as a district would) reads form II.06a of Q2 2026 by unit and by field, the
 * Decision 766 groups with their charts and online payment against the 30% target, and opens indicator 2.1 into the
 * dossiers of its numerator and denominator; axe and the phone width are checked on every step. The scenario of
 * {@link ReportScenario} is imported first (imports of the same codes replace them: the same figures whether or not
 * ReportScenarioIT ran before).
 */
class ConsoleLeaderDashboardJourneyIT extends ReportSystemTest {

    @Test
    void aDistrictLeaderReadsII06aAndThe766ScoresAndOpensAScoreIntoItsDossiers() throws Exception {
        awaitCaughtUp();
        ensureDistrictOfficers();
        importScenario();
        awaitCaughtUp();

        String log = BrowserJourney.run(
                platform,
                "leader-dashboard.journey.cjs",
                Map.of(
                        "LEADER", DISTRICT_LEADER,
                        "PERIOD", ReportScenario.PERIOD,
                        "TOTAL_298", figures(ReportScenario.DISTRICT_TOTAL),
                        "ROW_11077", figures(ReportScenario.NGOC_SON_ROW),
                        "FIELDS_298", String.join("|", ReportScenario.DISTRICT_FIELDS.keySet()),
                        "PAYMENT_TEXT", "đạt 50%, chỉ tiêu 30%: đạt",
                        "NUMERATOR_21", String.join(",", ReportScenario.ON_TIME_298_NUMERATOR),
                        "DENOMINATOR_21", String.join(",", ReportScenario.ON_TIME_298_DENOMINATOR)));
        assertThat(log)
                .contains(
                        "step: the leader reads form II.06a of the district for Q2 2026",
                        "step: the same quarter by field",
                        "step: the 766 groups with their charts and online payment against the target",
                        "step: the numerator of 2.1 opens into its dossiers",
                        "step: the denominator of 2.1 opens into its dossiers",
                        "journey leader-dashboard: ok");
    }

    /** Columns (3) to (13) of a row, as the dashboard's table prints them. */
    private static String figures(Map<String, Long> row) {
        return row.values().stream().limit(11).map(String::valueOf).collect(Collectors.joining(","));
    }
}
