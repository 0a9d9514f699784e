package vn.motcua.report.ii06a.domain;

import java.time.Instant;
import java.util.List;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * Form II.06a for a unit's subtree and a period: rows as printed and the subtree's total.
 *
 * @param timelinessRule the early / on time / late rule the counters were built with ("DAY")
 * @param computedAt     when the figures were read from the counters (a frozen version keeps its own)
 */
public record II06aReport(
        ReportUnit unit,
        ResolvedPeriod period,
        II06aGrouping grouping,
        List<II06aRow> rows,
        II06aCounts total,
        String timelinessRule,
        Instant computedAt) {

    public II06aReport {
        rows = List.copyOf(rows);
    }
}
