package vn.motcua.report.evaluation.domain;

import java.util.List;

/**
 * An agency's (statistics unit's) Art 15 result for a period.
 *
 * @param total  sum of the nine indicators that could be scored, 1 decimal (2, 5 and 6 are N/A, so at most 12)
 * @param rating "Xuất sắc", "Tốt", "Khá", "Trung bình" or "Yếu"
 */
public record AgencyResult(String unitCode, long dossiers, List<EvaluationScore> scores, String total, String rating) {

    public AgencyResult {
        scores = List.copyOf(scores);
    }
}
