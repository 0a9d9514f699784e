package vn.motcua.report.indicator.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Scores a set of figures under a rule set. Pure: the same figures and rules always give the same sheet. */
public final class IndicatorCalculator {

    private IndicatorCalculator() {}

    /** A formula's numerator and denominator. */
    public record Ratio(long numerator, long denominator) {}

    public static ScoreSheet compute(RuleSet rules, IndicatorFigures figures, BigDecimal onlinePaymentTargetPercent) {
        List<GroupResult> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (RuleGroup group : rules.groups()) {
            List<IndicatorResult> results = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            boolean anyScored = false;
            for (IndicatorRule rule : group.indicators()) {
                IndicatorResult result = indicator(rule, figures);
                results.add(result);
                if (result.points() != null) {
                    sum = sum.add(result.points());
                    anyScored = true;
                }
            }
            BigDecimal points = anyScored ? sum.min(group.maxPoints()) : null;
            if (points != null) {
                total = total.add(points);
            }
            groups.add(new GroupResult(
                    group.id(),
                    group.name(),
                    RuleSetJson.plain(group.maxPoints()),
                    points == null ? IndicatorResult.NOT_AVAILABLE : Scoring.points(points),
                    points,
                    results));
        }
        Ratio a = ratio(Formula.DOSSIERS_PAID_ONLINE, figures);
        boolean met = a.denominator() > 0
                && BigDecimal.valueOf(a.numerator())
                                .multiply(Scoring.HUNDRED)
                                .compareTo(onlinePaymentTargetPercent.multiply(BigDecimal.valueOf(a.denominator())))
                        >= 0;
        return new ScoreSheet(
                groups,
                Scoring.points(total),
                a.numerator(),
                a.denominator(),
                Scoring.percent(a.numerator(), a.denominator()),
                RuleSetJson.plain(onlinePaymentTargetPercent),
                met);
    }

    /** The numerator and denominator of a counting formula (composites and unavailable ones give 0 / 0). */
    public static Ratio ratio(Formula formula, IndicatorFigures f) {
        FlagCounts flags = f.flags();
        return switch (formula) {
            case DOSSIERS_ON_TIME ->
                new Ratio(f.stat().onTimeNumerator(), f.stat().onTimeDenominator());
            case FULL_ONLINE_DOSSIERS ->
                new Ratio(f.fullOnline().onlineCounted(), f.fullOnline().received());
            case ONLINE_DOSSIERS -> new Ratio(flags.onlineCounted(), flags.received());
            case DOSSIERS_PAID_ONLINE -> new Ratio(flags.paidOnline(), flags.financialObligation());
            case FEE_PROCEDURES_PAID_ONLINE -> new Ratio(f.feeProceduresPaidOnline(), f.feeProcedures());
            // every financial obligation MotCua records carries its amount: see Formula's note
            case FEE_PROCEDURES_WITH_FEE_DATA -> new Ratio(f.feeProcedures(), f.feeProcedures());
            case ELECTRONIC_RESULTS -> new Ratio(flags.paperResultElectronic(), flags.paperResultRequired());
            case DIGITIZED_DOSSIERS -> new Ratio(flags.digitized(), flags.received());
            case REUSED_DIGITIZED_DATA -> new Ratio(flags.reusesData(), flags.received());
            case WAREHOUSE_LINKED_DOSSIERS -> new Ratio(flags.linkedToWarehouse(), flags.received());
            case ELECTRONIC_CERTIFIED_COPY_COMMUNES ->
                new Ratio(f.communes().withCertifiedCopy(), f.communes().communes());
            case FEEDBACK_ON_TIME ->
                new Ratio(f.feedback().onTime(), f.feedback().total());
            case FEEDBACK_SATISFACTION ->
                new Ratio(f.feedback().satisfied(), f.feedback().total());
            case FEEDBACK_ABOUT_REGULATION ->
                new Ratio(f.feedback().aboutRegulation(), f.feedback().total());
            case FEEDBACK_ABOUT_STAFF ->
                new Ratio(f.feedback().aboutStaff(), f.feedback().total());
            case DOSSIERS_RESOLVED_LATE -> new Ratio(flags.resolvedLate(), flags.received());
            case DOSSIERS_WITH_FEEDBACK_OR_DISLIKE -> new Ratio(flags.feedbackOrDislike(), flags.received());
            // 5.3 literally: received - late - (PAKN or dislike), a dossier both late and disliked subtracted twice
            case DOSSIER_RECEIVING_SATISFACTION ->
                new Ratio(
                        Math.max(0, flags.received() - flags.resolvedLate() - flags.feedbackOrDislike()),
                        flags.received());
            case ONLINE_PAYMENT_SCORE,
                    TTHC_PUBLISHED_ON_TIME,
                    TTHC_PUBLICIZED_ON_TIME,
                    TTHC_PUBLISHED_COMPLETE,
                    DOSSIERS_SYNCED_TO_DVCQG,
                    TTHC_WITH_ONLINE_SERVICE,
                    ONLINE_SERVICES_USED,
                    POPULATION_DATA_DOSSIERS,
                    POPULATION_DATA_PROCEDURES -> new Ratio(0, 0);
        };
    }

    static IndicatorResult indicator(IndicatorRule rule, IndicatorFigures figures) {
        Formula formula = rule.formula();
        String max = RuleSetJson.plain(rule.maxPoints());
        String threshold = RuleSetJson.plain(rule.fullMarksAtPercent());
        boolean info = rule.informative();
        if (formula.basis() == Formula.Basis.UNAVAILABLE) {
            return new IndicatorResult(
                    rule.id(),
                    rule.name(),
                    info ? "info" : "ratio",
                    formula,
                    0,
                    0,
                    "",
                    IndicatorResult.NOT_AVAILABLE,
                    max,
                    threshold,
                    formula.note(),
                    false,
                    null);
        }
        if (formula == Formula.ONLINE_PAYMENT_SCORE) {
            return onlinePayment(rule, figures, max, threshold);
        }
        Ratio ratio = ratio(formula, figures);
        String kind = info ? "info" : formula.basis() == Formula.Basis.COMPOSITE ? "composite" : "ratio";
        String note = formula.note();
        BigDecimal points;
        String score;
        if (ratio.denominator() == 0) {
            switch (formula.whenEmpty()) {
                case ZERO -> {
                    points = BigDecimal.ZERO;
                    note = note + " Mẫu số bằng 0 trong kỳ: tính 0 điểm.";
                }
                case FULL_MARKS -> {
                    points = rule.maxPoints();
                    note = note + " Mẫu số bằng 0 trong kỳ: đạt điểm tối đa.";
                }
                default -> {
                    points = null;
                    note = note + " Mẫu số bằng 0 trong kỳ: không tính điểm.";
                }
            }
        } else {
            points = Scoring.generic(
                    rule.maxPoints(), rule.fullMarksAtPercent(), ratio.numerator(), ratio.denominator());
        }
        if (info) {
            score = points == null ? IndicatorResult.NOT_AVAILABLE : "";
            points = null;
        } else {
            score = points == null ? IndicatorResult.NOT_AVAILABLE : Scoring.points(points);
        }
        return new IndicatorResult(
                rule.id(),
                rule.name(),
                kind,
                formula,
                ratio.numerator(),
                ratio.denominator(),
                Scoring.percent(ratio.numerator(), ratio.denominator()),
                score,
                max,
                threshold,
                note,
                formula.drillable(),
                points);
    }

    private static IndicatorResult onlinePayment(
            IndicatorRule rule, IndicatorFigures figures, String max, String threshold) {
        Ratio a = ratio(Formula.DOSSIERS_PAID_ONLINE, figures);
        Ratio b = ratio(Formula.FEE_PROCEDURES_PAID_ONLINE, figures);
        Ratio c = ratio(Formula.FEE_PROCEDURES_WITH_FEE_DATA, figures);
        BigDecimal fa = Scoring.fraction(a.numerator(), a.denominator());
        BigDecimal fb = Scoring.fraction(b.numerator(), b.denominator());
        BigDecimal fc = Scoring.fraction(c.numerator(), c.denominator());
        BigDecimal points = Scoring.onlinePayment(rule.maxPoints(), fa, fb, fc);
        String note = rule.formula().note() + " Kỳ này: A = " + Scoring.percentOf(fa) + "%, B = "
                + Scoring.percentOf(fb) + "%, C = " + Scoring.percentOf(fc) + "%.";
        boolean info = rule.informative();
        return new IndicatorResult(
                rule.id(),
                rule.name(),
                info ? "info" : "composite",
                rule.formula(),
                0,
                0,
                "",
                info ? "" : Scoring.points(points),
                max,
                threshold,
                note,
                false,
                info ? null : points);
    }
}
