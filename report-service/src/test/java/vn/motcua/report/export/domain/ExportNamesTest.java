package vn.motcua.report.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.SampleReports;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.domain.Submission;

class ExportNamesTest {

    @Test
    void aLiveQuarterReport() {
        ExportDocument doc =
                new ExportDocument(ExportSource.LIVE, SampleReports.province(Instant.EPOCH), "VPCP", null, null);
        assertThat(ExportNames.fileName(doc, FileFormat.XLSX)).isEqualTo("BC-II06a_30_2026-Q3.xlsx");
    }

    @Test
    void aSubmittedVersionAConsolidationAndAFieldReportSayWhatTheyAre() {
        II06aReport report = SampleReports.province(Instant.EPOCH);
        Submission v2 = new Submission(
                "ID",
                report.unit(),
                ReportKind.II06A,
                report.period(),
                2,
                "leader",
                Instant.EPOCH,
                "why",
                false,
                Instant.EPOCH,
                report,
                List.of(),
                List.of());
        assertThat(ExportNames.fileName(
                        new ExportDocument(ExportSource.SUBMITTED, report, "", v2, null), FileFormat.CSV))
                .isEqualTo("BC-II06a_30_2026-Q3_v2.csv");
        assertThat(ExportNames.fileName(
                        new ExportDocument(ExportSource.CONSOLIDATED, report, "", null, null), FileFormat.JSON))
                .isEqualTo("BC-II06a_30_2026-Q3_TH.json");
        assertThat(ExportNames.fileName(
                        new ExportDocument(ExportSource.LIVE, SampleReports.byField(), "", null, null),
                        FileFormat.XLSX))
                .isEqualTo("BC-II06a-LV_30_2026-Q3.xlsx");
    }

    @Test
    void periodTokensForEveryKindAndTheCutOffWindow() {
        assertThat(token(new PeriodSpec(PeriodKind.MONTH, 2026, 7, null, null, PeriodWindow.CALENDAR)))
                .isEqualTo("2026-M07");
        assertThat(token(new PeriodSpec(PeriodKind.QUARTER, 2026, 3, null, null, PeriodWindow.CUTOFF_15)))
                .isEqualTo("2026-Q3-K15");
        assertThat(token(new PeriodSpec(PeriodKind.HALF_YEAR, 2026, 0, null, null, PeriodWindow.CALENDAR)))
                .isEqualTo("2026-H1");
        assertThat(token(new PeriodSpec(PeriodKind.NINE_MONTHS, 2026, 0, null, null, PeriodWindow.CALENDAR)))
                .isEqualTo("2026-9M");
        assertThat(token(new PeriodSpec(PeriodKind.YEAR, 2026, 0, null, null, PeriodWindow.CALENDAR)))
                .isEqualTo("2026");
        assertThat(token(PeriodSpec.range(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 15))))
                .isEqualTo("20260701-20260815");
    }

    @Test
    void unitCodesBecomeAsciiWithoutDiacriticsOrSeparators() {
        assertThat(ExportNames.ascii("Đội 1/ấp \"A\"")).isEqualTo("Doi-1-ap--A-");
        assertThat(ExportNames.ascii("H30.11077")).isEqualTo("H30.11077");
    }

    private static String token(PeriodSpec spec) {
        LocalDate from = spec.from() == null ? LocalDate.of(2026, 1, 1) : spec.from();
        LocalDate to = spec.to() == null ? LocalDate.of(2026, 1, 31) : spec.to();
        return ExportNames.periodToken(new ResolvedPeriod(spec, from, to, "x"));
    }
}
