package vn.motcua.report.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.report.indicator.service.IndicatorRules;

class IndicatorCalculatorTest {

    private static final RuleSet DEFAULT = RuleSetJson.parse(IndicatorRules.defaultRulesJson(), "default");
    private static final BigDecimal TARGET = BigDecimal.valueOf(30);

    private static FlagCounts flags(
            long received,
            long onlineCounted,
            long financial,
            long paidOnline,
            long paper,
            long paperElectronic,
            long digitized,
            long reuses,
            long warehouse,
            long late,
            long feedback) {
        return new FlagCounts(
                received,
                0,
                onlineCounted,
                financial,
                paidOnline,
                paper,
                paperElectronic,
                digitized,
                reuses,
                warehouse,
                late,
                feedback);
    }

    private static IndicatorFigures figures(FlagCounts flags, long feeProcedures, long feePaid) {
        return new IndicatorFigures(
                StatCounts.ZERO,
                flags,
                FlagCounts.ZERO,
                feeProcedures,
                feePaid,
                CommuneCounts.ZERO,
                FeedbackCounts.ZERO);
    }

    private static Map<String, String> scores(ScoreSheet sheet) {
        return sheet.groups().stream()
                .flatMap(g -> g.indicators().stream())
                .collect(Collectors.toMap(IndicatorResult::id, IndicatorResult::score));
    }

    @Test
    void genericScoreIsCappedAtMaxAndRoundedHalfUpFromTheExactRatio() {
        // 4 × (1/9) = 0.4444 → 0.44; 2 × (2/9) / 80% = 0.5555 → 0.56; 6 × 100% / 90% capped at 6
        assertThat(Scoring.generic(BigDecimal.valueOf(4), BigDecimal.valueOf(100), 1, 9))
                .isEqualByComparingTo("0.44");
        assertThat(Scoring.generic(BigDecimal.valueOf(2), BigDecimal.valueOf(80), 2, 9))
                .isEqualByComparingTo("0.56");
        assertThat(Scoring.generic(BigDecimal.valueOf(6), BigDecimal.valueOf(90), 9, 9))
                .isEqualByComparingTo("6.00");
        // exactly half a cent rounds up: 1 × 1/8 = 0.125 → 0.13
        assertThat(Scoring.generic(BigDecimal.ONE, BigDecimal.valueOf(100), 1, 8))
                .isEqualByComparingTo("0.13");
        assertThat(Scoring.percent(2, 3)).isEqualTo("66.67");
        assertThat(Scoring.percent(1, 0)).isEmpty();
    }

    @Test
    void onlinePaymentIsSixAPlusCappedBPlusTwoAndAHalfC() {
        BigDecimal ten = BigDecimal.TEN;
        assertThat(Scoring.onlinePayment(ten, new BigDecimal("0.5"), BigDecimal.ONE, BigDecimal.ONE))
                .isEqualByComparingTo("7.50");
        // B's term is min(2, 2.5 B): at B = 0.4 it is 1.0
        assertThat(Scoring.onlinePayment(ten, BigDecimal.ZERO, new BigDecimal("0.4"), BigDecimal.ZERO))
                .isEqualByComparingTo("1.00");
        // 6 + 2 + 2.5 = 10.5 is capped at the indicator's max
        assertThat(Scoring.onlinePayment(ten, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
                .isEqualByComparingTo("10.00");
    }

    @Test
    void zeroDenominatorFollowsEachFormulasRule() {
        IndicatorFigures empty = figures(FlagCounts.ZERO, 0, 0);
        ScoreSheet sheet = IndicatorCalculator.compute(DEFAULT, empty, TARGET);
        Map<String, String> s = scores(sheet);

        // dossier ratios with no dossier: 0 (as DVCQG does for 3b and 5.3)
        assertThat(s).containsEntry("2.1", "0.00").containsEntry("4.1", "0.00").containsEntry("5.3", "0.00");
        // PAKN: full marks without any
        assertThat(s).containsEntry("5.1", "6.00").containsEntry("5.2", "6.00");
        // no commune in scope: not scored at all
        assertThat(s).containsEntry("4.6", "N/A");
        // what MotCua cannot know
        assertThat(s).containsEntry("1.1", "N/A").containsEntry("4.5b", "N/A").containsEntry("3.1", "N/A");
        // informative ones carry no score
        assertThat(s).containsEntry("3.3", "").containsEntry("3.6", "");
        assertThat(sheet.groups().get(0).score()).isEqualTo("N/A");
        assertThat(sheet.totalScore()).isEqualTo("12.00");
        assertThat(sheet.onlinePaymentPercent()).isEmpty();
        assertThat(sheet.onlinePaymentTargetMet()).isFalse();
    }

    @Test
    void dossierReceivingSatisfactionSubtractsLateAndDislikedSeparately() {
        // 10 received, 2 late, 3 with PAKN or a dislike: 100% - 20% - 30% = 50% → 6 × 50 / 90 = 3.33
        IndicatorFigures f = figures(flags(10, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3), 0, 0);
        IndicatorResult r = DEFAULT.groups().stream()
                .flatMap(g -> g.indicators().stream())
                .filter(i -> i.id().equals("5.3"))
                .map(i -> IndicatorCalculator.indicator(i, f))
                .findFirst()
                .orElseThrow();
        assertThat(r.numerator()).isEqualTo(5);
        assertThat(r.denominator()).isEqualTo(10);
        assertThat(r.score()).isEqualTo("3.33");
        assertThat(r.kind()).isEqualTo("composite");
        assertThat(r.drillable()).isFalse();

        // more subtracted than received never goes below 0
        IndicatorFigures worse = figures(flags(2, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2), 0, 0);
        assertThat(IndicatorCalculator.ratio(Formula.DOSSIER_RECEIVING_SATISFACTION, worse)
                        .numerator())
                .isZero();
    }

    @Test
    void onlinePaymentTargetIsMetAtExactlyTheTarget() {
        ScoreSheet at =
                IndicatorCalculator.compute(DEFAULT, figures(flags(10, 0, 10, 3, 0, 0, 0, 0, 0, 0, 0), 1, 1), TARGET);
        assertThat(at.onlinePaymentPercent()).isEqualTo("30.00");
        assertThat(at.onlinePaymentTargetMet()).isTrue();

        // 2 of 7 is 28.57%: below, although a rounding of the percent could not make it 30
        ScoreSheet below =
                IndicatorCalculator.compute(DEFAULT, figures(flags(10, 0, 7, 2, 0, 0, 0, 0, 0, 0, 0), 1, 1), TARGET);
        assertThat(below.onlinePaymentTargetMet()).isFalse();

        // 299 of 997 is 29.99% (rounds to "29.99"), still below 30
        ScoreSheet justBelow = IndicatorCalculator.compute(
                DEFAULT, figures(flags(1000, 0, 997, 299, 0, 0, 0, 0, 0, 0, 0), 1, 1), TARGET);
        assertThat(justBelow.onlinePaymentTargetMet()).isFalse();
    }

    @Test
    void compositeIsCappedAtItsOwnMaxSoTheGroupNeverExceedsItsPoints() {
        // A scored with 90 points next to the composite (10 points) whose raw value here is 6 + 2 + 2.5 = 10.5
        RuleSet set = new RuleSet(List.of(new RuleGroup(
                "3b",
                "Thanh toán",
                BigDecimal.valueOf(100),
                List.of(
                        new IndicatorRule(
                                "a",
                                "A",
                                BigDecimal.valueOf(90),
                                BigDecimal.valueOf(100),
                                Formula.DOSSIERS_PAID_ONLINE),
                        new IndicatorRule(
                                "x", "X", BigDecimal.TEN, BigDecimal.valueOf(100), Formula.ONLINE_PAYMENT_SCORE)))));
        IndicatorFigures f = figures(flags(10, 0, 10, 10, 0, 0, 0, 0, 0, 0, 0), 1, 1);
        ScoreSheet sheet = IndicatorCalculator.compute(set, f, TARGET);
        assertThat(scores(sheet)).containsEntry("a", "90.00").containsEntry("x", "10.00");
        assertThat(sheet.groups().get(0).score()).isEqualTo("100.00");
        assertThat(sheet.totalScore()).isEqualTo("100.00");
    }

    @Test
    void distinctFeeProceduresAreCountedPerSetNotSummedPerUnit() {
        FlagCounts paid = flags(1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0);
        FlagCounts unpaid = flags(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        CounterData data = new CounterData(
                Map.of(),
                List.of(
                        new ProcedureCounts("u1", "P1", paid),
                        new ProcedureCounts("u2", "P1", unpaid),
                        new ProcedureCounts("u2", "P2", unpaid),
                        new ProcedureCounts("u1", "P3", FlagCounts.ZERO.plus(flags(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)))),
                Set.of("P3"),
                Map.of(),
                Map.of());
        IndicatorFigures both = data.figuresFor(Set.of("u1", "u2"));
        assertThat(both.feeProcedures()).isEqualTo(2);
        assertThat(both.feeProceduresPaidOnline()).isEqualTo(1);
        assertThat(both.flags().financialObligation()).isEqualTo(3);
        assertThat(both.fullOnline().received()).isEqualTo(1);
        assertThat(both.fullOnline().onlineCounted()).isEqualTo(1);

        IndicatorFigures second = data.figuresFor(Set.of("u2"));
        assertThat(second.feeProcedures()).isEqualTo(2);
        assertThat(second.feeProceduresPaidOnline()).isZero();
        assertThat(data.figuresForAll()).isEqualTo(both);
    }

    @Test
    void onTimeFiguresComeFromPrefixSums() {
        // before the period: 10 received, 7 resolved → 3 carried over; in the period 5 received, 4 on time by 766;
        // at the end: 15 received, 12 resolved → 3 open, of which due 9 - closed 8 = 1 overdue → 2 not yet due
        StatCounts s = new StatCounts(10, 7, 5, 4, 15, 12, 9, 8);
        assertThat(s.carriedOver()).isEqualTo(3);
        assertThat(s.onTimeDenominator()).isEqualTo(8);
        assertThat(s.openNotYetDueAtEnd()).isEqualTo(2);
        assertThat(s.onTimeNumerator()).isEqualTo(6);
        assertThat(s.plus(s).onTimeNumerator()).isEqualTo(12);
    }
}
