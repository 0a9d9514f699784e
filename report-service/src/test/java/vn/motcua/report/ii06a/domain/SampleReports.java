package vn.motcua.report.ii06a.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ResolvedPeriod;

/** Reports for tests of what reads or prints them: the tree of {@link II06aRollUpTest}, Q3 2026. */
public final class SampleReports {

    public static final ResolvedPeriod Q3_2026 = new ResolvedPeriod(
            new PeriodSpec(PeriodKind.QUARTER, 2026, 3, null, null, PeriodWindow.CALENDAR),
            LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30),
            "Quý III năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026)");

    private SampleReports() {}

    /** The province's UNIT report: 8 rows (2 subtotals) and the total. */
    public static II06aReport province(Instant computedAt) {
        II06aRollUp.Rows rows = II06aRollUp.byUnit(II06aRollUpTest.TREE, II06aRollUpTest.own());
        return new II06aReport(
                II06aRollUpTest.P30, Q3_2026, II06aGrouping.UNIT, rows.rows(), rows.total(), "DAY", computedAt);
    }

    /** A commune's own report. */
    public static II06aReport commune(II06aCounts counts) {
        ReportUnit unit = II06aRollUpTest.C11077.atDepth(0, null);
        return new II06aReport(
                unit,
                Q3_2026,
                II06aGrouping.UNIT,
                List.of(II06aRow.ofUnit(1, unit, counts)),
                counts,
                "DAY",
                Instant.parse("2026-10-02T03:00:00Z"));
    }

    public static II06aReport byField() {
        II06aRollUp.Rows rows = II06aRollUp.byField(
                java.util.Map.of("Hộ tịch", II06aRollUpTest.OWN_11077, "", II06aRollUpTest.OWN_11080));
        return new II06aReport(
                II06aRollUpTest.P30, Q3_2026, II06aGrouping.FIELD, rows.rows(), rows.total(), "DAY", Instant.EPOCH);
    }
}
