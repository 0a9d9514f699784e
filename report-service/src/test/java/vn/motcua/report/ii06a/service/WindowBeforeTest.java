package vn.motcua.report.ii06a.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ReportPeriods;
import vn.motcua.report.period.domain.ResolvedPeriod;

/** The window checked for continuity ends where the period starts; for whole months it is whole months. */
class WindowBeforeTest {

    @Test
    void aCalendarQuarterIsPrecededByTheQuarterBeforeSoNoDailyCounterIsRead() {
        ResolvedPeriod q3 = ReportPeriods.resolve(PeriodSpec.quarter(2026, 3), "period");
        assertThat(II06aReportService.windowBefore(q3)).isEqualTo(LocalDate.of(2026, 4, 1));
        ResolvedPeriod january = ReportPeriods.resolve(PeriodSpec.month(2026, 1), "period");
        assertThat(II06aReportService.windowBefore(january)).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void otherPeriodsArePrecededByAsManyDays() {
        ResolvedPeriod cutOffQ3 = ReportPeriods.resolve(
                new PeriodSpec(PeriodKind.QUARTER, 2026, 3, null, null, PeriodWindow.CUTOFF_15), "period");
        // 15/06..14/09 is 92 days
        assertThat(II06aReportService.windowBefore(cutOffQ3)).isEqualTo(LocalDate.of(2026, 3, 15));
        ResolvedPeriod range =
                ReportPeriods.resolve(PeriodSpec.range(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 7, 12)), "period");
        assertThat(II06aReportService.windowBefore(range)).isEqualTo(LocalDate.of(2026, 6, 23));
    }
}
