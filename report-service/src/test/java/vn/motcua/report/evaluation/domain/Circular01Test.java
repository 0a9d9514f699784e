package vn.motcua.report.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Circular01Test {

    private static DossierFacts facts(String timeliness, String channel, int supplements) {
        return new DossierFacts(timeliness, "ISSUED", channel, supplements, null, true, false, false);
    }

    private static Map<Integer, String> scores(DossierFacts d) {
        return Circular01.dossier(d).stream()
                .collect(Collectors.toMap(EvaluationScore::indicator, EvaluationScore::score));
    }

    @Test
    void timeAndAttitudeFollowTheClassificationAndStaffFeedback() {
        assertThat(scores(facts("EARLY", "COUNTER", 0)))
                .containsEntry(1, "2")
                .containsEntry(7, "2")
                .containsEntry(2, "N/A")
                .containsEntry(6, "N/A");
        assertThat(scores(facts("ON_TIME", "COUNTER", 0))).containsEntry(1, "1").containsEntry(7, "1");
        assertThat(scores(facts("LATE", "COUNTER", 0))).containsEntry(1, "0").containsEntry(7, "0");
        DossierFacts complained = new DossierFacts("EARLY", "ISSUED", "COUNTER", 0, null, false, false, true);
        assertThat(scores(complained)).containsEntry(1, "2").containsEntry(7, "0");
        DossierFacts open = new DossierFacts("OPEN", null, "COUNTER", 0, null, false, false, false);
        assertThat(scores(open)).containsEntry(1, "N/A").containsEntry(7, "N/A").containsEntry(3, "2");
    }

    @Test
    void contactsFollowSupplementRequests() {
        assertThat(scores(facts("EARLY", "COUNTER", 0))).containsEntry(3, "2");
        assertThat(scores(facts("EARLY", "COUNTER", 1))).containsEntry(3, "1");
        assertThat(scores(facts("EARLY", "COUNTER", 2))).containsEntry(3, "0");
    }

    @Test
    void agenciesAreNoneOnlineWithAnElectronicResultTheDeskOtherwiseAndMoreWhenRatedPoorly() {
        // online, paper result required but delivered electronically: no agency visited
        assertThat(scores(new DossierFacts("EARLY", "ISSUED", "ONLINE", 0, null, true, true, false)))
                .containsEntry(4, "2");
        // online without the electronic result: the result is fetched at the desk
        assertThat(scores(new DossierFacts("EARLY", "ISSUED", "ONLINE", 0, null, true, false, false)))
                .containsEntry(4, "1");
        assertThat(scores(new DossierFacts("EARLY", "ISSUED", "COUNTER", 0, 5, false, false, false)))
                .containsEntry(4, "1");
        assertThat(scores(new DossierFacts("EARLY", "ISSUED", "ONLINE", 0, 2, false, false, false)))
                .containsEntry(4, "0");
        // 0 means "not answered", not "poor"
        assertThat(scores(new DossierFacts("EARLY", "ISSUED", "ONLINE", 0, 0, false, false, false)))
                .containsEntry(4, "2");
    }

    @Test
    void averagesRoundToOneDecimalHalfUpAndTotalsSumTheRoundedAverages() {
        assertThat(Circular01.average(5, 3)).isEqualByComparingTo("1.7");
        assertThat(Circular01.average(1, 4)).isEqualByComparingTo("0.3");
        assertThat(Circular01.average(3, 2)).isEqualByComparingTo("1.5");

        Tally tally = new Tally();
        tally.add(facts("EARLY", "COUNTER", 0), 2);
        tally.add(facts("LATE", "COUNTER", 2), 1);
        OfficerResult officer = tally.officer("can.bo");
        // 1: (2+2+0)/3 = 1.3; 2 N/A; 3: (2+2+0)/3 = 1.3; 4: 1.0; 7: 1.3 → 4.9
        assertThat(officer.scores())
                .extracting(EvaluationScore::score)
                .containsExactly("1.3", "N/A", "1.3", "1.0", "1.3");
        assertThat(officer.scores().get(0).dossiers()).isEqualTo(3);
        assertThat(officer.total()).isEqualTo("4.9");
        assertThat(officer.band()).isEqualTo("70% đến dưới 100%");
    }

    @Test
    void officerBandsAndAgencyRatingsAtTheirBoundaries() {
        assertThat(Circular01.officerBand(new BigDecimal("5.0"))).isEqualTo("100%");
        assertThat(Circular01.officerBand(new BigDecimal("4.9"))).isEqualTo("70% đến dưới 100%");
        assertThat(Circular01.officerBand(new BigDecimal("3.5"))).isEqualTo("70% đến dưới 100%");
        assertThat(Circular01.officerBand(new BigDecimal("3.4"))).isEqualTo("dưới 70%");

        assertThat(List.of("15.0", "14.9", "12.0", "11.9", "9.0", "8.9", "6.0", "5.9").stream()
                        .map(t -> Circular01.agencyRating(new BigDecimal(t)))
                        .toList())
                .containsExactly("Xuất sắc", "Tốt", "Tốt", "Khá", "Khá", "Trung bình", "Trung bình", "Yếu");
    }

    @Test
    void pakNReceptivenessNeedsAllOnTimeForTwoAndNinetyPercentForOne() {
        assertThat(Circular01.indicator8(0, 0, 0).score()).isEqualTo("2");
        assertThat(Circular01.indicator8(10, 10, 0).score()).isEqualTo("2");
        assertThat(Circular01.indicator8(10, 9, 0).score()).isEqualTo("1");
        assertThat(Circular01.indicator8(10, 8, 0).score()).isEqualTo("0");
        assertThat(Circular01.indicator8(10, 10, 1).score()).isEqualTo("0");
    }

    @Test
    void onlineProgressNeedsThirtyPercentForTwoFifteenForOneAndNoLateOnlineDossier() {
        assertThat(Circular01.indicator9(0, 0, 0).score()).isEqualTo("N/A");
        assertThat(Circular01.indicator9(10, 3, 0).score()).isEqualTo("2");
        assertThat(Circular01.indicator9(100, 29, 0).score()).isEqualTo("1");
        assertThat(Circular01.indicator9(100, 15, 0).score()).isEqualTo("1");
        assertThat(Circular01.indicator9(100, 14, 0).score()).isEqualTo("0");
        assertThat(Circular01.indicator9(10, 10, 1).score()).isEqualTo("0");
        assertThat(Circular01.indicator9(10, 3, 0).note()).contains("3/10", "30.00%");
    }

    @Test
    void agencyTotalAddsUnitIndicatorsAndLeavesTheUnknownOnesOut() {
        Tally tally = new Tally();
        tally.add(facts("EARLY", "COUNTER", 0), 1);
        AgencyResult agency = tally.agency("11077", Circular01.indicator8(0, 0, 0), Circular01.indicator9(10, 3, 0));
        // 2 + 2 + 1 + 2 (indicators 1, 3, 4, 7) + 2 + 2 (8, 9)
        assertThat(agency.scores()).extracting(EvaluationScore::indicator).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(agency.scores())
                .extracting(EvaluationScore::score)
                .containsExactly("2.0", "N/A", "2.0", "1.0", "N/A", "N/A", "2.0", "2", "2");
        assertThat(agency.total()).isEqualTo("11.0");
        assertThat(agency.rating()).isEqualTo("Khá");
        assertThat(agency.scores().get(4).note()).contains("tối đa 12");
    }
}
