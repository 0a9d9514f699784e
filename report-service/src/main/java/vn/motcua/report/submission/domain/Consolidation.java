package vn.motcua.report.submission.domain;

import java.util.List;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * A parent's consolidation (domain.md 7.2): its direct children's latest submitted versions, which are missing or
 * late, and the figures summed from those versions plus the parent's own dossiers (live).
 */
public record Consolidation(
        ReportUnit unit, ResolvedPeriod period, List<ConsolidatedSource> sources, II06aReport figures) {

    public Consolidation {
        sources = List.copyOf(sources);
    }

    public List<ConsolidatedSource> missing() {
        return sources.stream().filter(ConsolidatedSource::missing).toList();
    }
}
