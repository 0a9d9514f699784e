package vn.motcua.report.export.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.export.domain.ExportSource;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.Rows;
import vn.motcua.report.ii06a.domain.SampleReports;
import vn.motcua.report.ii06a.service.CanonicalJson;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.domain.Submission;

class ExportJsonTest {

    @Test
    void identicalFiguresGiveByteIdenticalJsonWhenEverComputed() {
        String first = ExportJson.canonical(doc(SampleReports.province(Instant.parse("2026-10-01T00:00:00Z"))));
        String second = ExportJson.canonical(doc(SampleReports.province(Instant.parse("2026-11-30T12:00:00Z"))));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void oneChangedFigureChangesTheJson() {
        String a = ExportJson.canonical(doc(SampleReports.commune(Rows.row(1, 2, 0, 1, 0, 0, 0))));
        String b = ExportJson.canonical(doc(SampleReports.commune(Rows.row(1, 2, 0, 0, 1, 0, 0))));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aSubmittedVersionCarriesItsVersionAndTheJsonParsesBack() {
        II06aReport report = SampleReports.commune(Rows.row(1, 2, 0, 1, 0, 0, 0));
        Submission v1 = new Submission(
                "S1",
                report.unit(),
                ReportKind.II06A,
                report.period(),
                1,
                "leader",
                Instant.parse("2026-10-02T03:00:00Z"),
                null,
                false,
                Instant.EPOCH,
                report,
                List.of(),
                List.of());
        String json = ExportJson.canonical(new ExportDocument(ExportSource.SUBMITTED, report, "Huyện", v1, null));

        Map<?, ?> tree = (Map<?, ?>) CanonicalJson.read(json);
        assertThat(tree.get("kind")).isEqualTo("II06A");
        assertThat(tree.get("source")).isEqualTo("SUBMITTED");
        assertThat(((Map<?, ?>) tree.get("submission")).get("version")).isEqualTo(1L);
        assertThat(((Map<?, ?>) ((Map<?, ?>) tree.get("report")).get("total")).get("total"))
                .isEqualTo(3L);
        assertThat(CanonicalJson.write(tree)).isEqualTo(json);
    }

    private static ExportDocument doc(II06aReport report) {
        return new ExportDocument(ExportSource.LIVE, report, "Văn phòng Chính phủ", null, null);
    }
}
