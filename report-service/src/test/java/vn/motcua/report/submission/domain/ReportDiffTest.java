package vn.motcua.report.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRow;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.ii06a.domain.Rows;
import vn.motcua.report.ii06a.domain.SampleReports;

class ReportDiffTest {

    @Test
    void identicalVersionsHaveNoDiff() {
        II06aReport v1 = SampleReports.province(Instant.EPOCH);
        II06aReport v2 = SampleReports.province(Instant.parse("2026-10-09T00:00:00Z"));
        assertThat(ReportDiff.between(v1, v2)).isEmpty();
    }

    @Test
    void aCorrectionListsEachChangedRowAndColumnWithBeforeAndAfterThenTheTotal() {
        // one more dossier found resolved late, instead of in progress and overdue
        II06aReport v1 = SampleReports.commune(Rows.row(10, 5, 3, 8, 2, 4, 1));
        II06aReport v2 = SampleReports.commune(Rows.row(10, 5, 3, 8, 2, 5, 0));

        assertThat(ReportDiff.between(v1, v2))
                .containsExactly(
                        new DiffEntry("11077", "resolved", 14, 15),
                        new DiffEntry("11077", "resolved_late", 4, 5),
                        new DiffEntry("11077", "in_progress", 4, 3),
                        new DiffEntry("11077", "in_progress_overdue", 1, 0),
                        new DiffEntry("11077", "resolved_late_without_apology", 4, 5),
                        new DiffEntry("total", "resolved", 14, 15),
                        new DiffEntry("total", "resolved_late", 4, 5),
                        new DiffEntry("total", "in_progress", 4, 3),
                        new DiffEntry("total", "in_progress_overdue", 1, 0),
                        new DiffEntry("total", "resolved_late_without_apology", 4, 5));
    }

    @Test
    void rowsAreMatchedByKeySoARowAddedOrDroppedCountsAsZerosOnTheOtherSide() {
        ReportUnit district = new ReportUnit("298", "Huyện Tứ Kỳ", 2, null, 0);
        ReportUnit commune = new ReportUnit("11077", "Xã Tây Kỳ", 3, "298", 1);
        ReportUnit other = new ReportUnit("11080", "Xã Đại Sơn", 3, "298", 1);
        var own = Rows.row(1, 0, 0, 1, 0, 0, 0);
        var c = Rows.row(0, 2, 0, 0, 0, 0, 0);
        II06aReport v1 = new II06aReport(
                district,
                SampleReports.Q3_2026,
                II06aGrouping.UNIT,
                List.of(II06aRow.ofUnit(1, district, own), II06aRow.ofUnit(2, commune, c)),
                own.plus(c),
                "DAY",
                Instant.EPOCH);
        // version 2: 11080 submitted meanwhile and is listed before 11077 (renumbered): 11077 itself unchanged
        II06aReport v2 = new II06aReport(
                district,
                SampleReports.Q3_2026,
                II06aGrouping.UNIT,
                List.of(
                        II06aRow.ofUnit(1, district, own),
                        II06aRow.ofUnit(2, other, c),
                        II06aRow.ofUnit(3, commune, c)),
                own.plus(c).plus(c),
                "DAY",
                Instant.EPOCH);

        List<DiffEntry> diff = ReportDiff.between(v1, v2);

        assertThat(diff).extracting(DiffEntry::rowKey).doesNotContain("11077", "298");
        assertThat(diff)
                .contains(
                        new DiffEntry("11080", "total", 0, 2),
                        new DiffEntry("11080", "received_direct_or_postal", 0, 2),
                        new DiffEntry("total", "total", 3, 5));
        assertThat(ReportDiff.between(v2, v1)).contains(new DiffEntry("11080", "total", 2, 0));
    }
}
