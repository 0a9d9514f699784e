package vn.motcua.report.submission.domain;

import java.time.Instant;
import java.util.List;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * One frozen version of a unit's report for a period. Never updated: a correction is the next version.
 *
 * @param reason   null for a version 1 given without one; required from version 2 on
 * @param late     submitted after {@code deadline}
 * @param figures  the frozen II.06a report (UNIT grouping)
 * @param sources  for a unit with children: the children's versions the figures were consolidated from (and the
 *                 missing ones); empty for a leaf
 * @param diff     against the previous version; empty for version 1 (and left empty by listings)
 */
public record Submission(
        String id,
        ReportUnit unit,
        ReportKind kind,
        ResolvedPeriod period,
        int version,
        String submittedBy,
        Instant submittedAt,
        String reason,
        boolean late,
        Instant deadline,
        II06aReport figures,
        List<ConsolidatedSource> sources,
        List<DiffEntry> diff) {

    public Submission {
        sources = List.copyOf(sources);
        diff = List.copyOf(diff);
    }
}
