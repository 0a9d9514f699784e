package vn.motcua.report.evaluation.domain;

/**
 * One indicator's score.
 *
 * @param score    "0", "1", "2" for a dossier or a unit indicator, an average with 1 decimal for a group of dossiers,
 *                 or "N/A" when MotCua cannot know it
 * @param dossiers dossiers averaged (per-dossier indicators), 0 otherwise
 */
public record EvaluationScore(int indicator, String score, long dossiers, String note) {

    public static final String NOT_AVAILABLE = "N/A";

    public boolean available() {
        return !NOT_AVAILABLE.equals(score);
    }
}
