package vn.motcua.report.submission.domain;

import java.time.Instant;
import vn.motcua.report.ii06a.domain.ReportUnit;

/**
 * A direct child's part in a parent's consolidation: the version used, or missing.
 *
 * @param version      0 when missing
 * @param submissionId null when missing
 * @param submittedAt  null when missing
 */
public record ConsolidatedSource(
        ReportUnit unit, int version, String submissionId, Instant submittedAt, boolean late, boolean missing) {

    public static ConsolidatedSource missing(ReportUnit unit) {
        return new ConsolidatedSource(unit, 0, null, null, false, true);
    }

    public static ConsolidatedSource of(Submission s) {
        return new ConsolidatedSource(s.unit(), s.version(), s.id(), s.submittedAt(), s.late(), false);
    }
}
