package vn.motcua.report.evaluation.domain;

import java.util.List;

/**
 * An officer's Art 15 result for a period.
 *
 * @param total sum of the indicators that could be scored (indicator 2 is N/A), 1 decimal
 * @param band  "100%", "70% đến dưới 100%" or "dưới 70%"
 */
public record OfficerResult(String officer, long dossiers, List<EvaluationScore> scores, String total, String band) {

    public OfficerResult {
        scores = List.copyOf(scores);
    }
}
