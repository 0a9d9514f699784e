package vn.motcua.report.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Per-indicator sums of a group of dossiers (an officer's or an agency's), averaged as Art 14 says. */
public final class Tally {

    /** Said once per agency: its total lacks indicators 2, 5 and 6, so the rating cannot reach the top bands. */
    static final String PARTIAL_TOTAL = "Tổng điểm và xếp loại của cơ quan chỉ cộng các chỉ số tính được (chỉ số 2, 5,"
            + " 6 không có dữ liệu; tối đa 12 thay vì 18 điểm), nên chỉ mang tính tham khảo.";

    private final long[] sum = new long[10];
    private final long[] count = new long[10];
    private long dossiers;

    /** Adds {@code weight} dossiers with these facts (the repository groups identical facts). */
    public void add(DossierFacts facts, long weight) {
        dossiers += weight;
        for (int indicator : Circular01.DOSSIER_INDICATORS) {
            Integer score = Circular01.score(indicator, facts);
            if (score != null) {
                sum[indicator] += score * weight;
                count[indicator] += weight;
            }
        }
    }

    public long dossiers() {
        return dossiers;
    }

    /** The average of a per-dossier indicator over the dossiers it could be scored for; N/A when none. */
    public EvaluationScore average(int indicator) {
        if (count[indicator] == 0) {
            return new EvaluationScore(indicator, EvaluationScore.NOT_AVAILABLE, 0, Circular01.note(indicator));
        }
        return new EvaluationScore(
                indicator,
                Circular01.average(sum[indicator], count[indicator]).toPlainString(),
                count[indicator],
                Circular01.note(indicator));
    }

    /** An officer's result (Art 15): indicators 1, 2, 3, 4, 7 and the band of their total. */
    public OfficerResult officer(String officer) {
        List<EvaluationScore> scores =
                Circular01.OFFICER_INDICATORS.stream().map(this::average).toList();
        BigDecimal total = total(scores);
        return new OfficerResult(officer, dossiers, scores, total.toPlainString(), Circular01.officerBand(total));
    }

    /** An agency's result: the per-dossier averages, unit indicators 5 (N/A), 8 and 9, and the rating. */
    public AgencyResult agency(String unitCode, EvaluationScore indicator8, EvaluationScore indicator9) {
        List<EvaluationScore> scores = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            scores.add(
                    switch (i) {
                        case 5 ->
                            new EvaluationScore(
                                    5, EvaluationScore.NOT_AVAILABLE, 0, Circular01.note(5) + " " + PARTIAL_TOTAL);
                        case 8 -> indicator8;
                        case 9 -> indicator9;
                        default -> average(i);
                    });
        }
        BigDecimal total = total(scores);
        return new AgencyResult(unitCode, dossiers, scores, total.toPlainString(), Circular01.agencyRating(total));
    }

    /** Σ of the indicators that could be scored (each already rounded to 1 decimal), 1 decimal. */
    static BigDecimal total(List<EvaluationScore> scores) {
        BigDecimal total = BigDecimal.ZERO.setScale(1);
        for (EvaluationScore s : scores) {
            if (s.available()) {
                total = total.add(new BigDecimal(s.score()));
            }
        }
        return total.setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
