package vn.motcua.report.ii06a.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.SampleReports;

class II06aJsonTest {

    @Test
    void aReportReadsBackEqualToWhatWasWritten() {
        II06aReport report = SampleReports.province(Instant.parse("2026-10-01T02:03:04.123456Z"));
        assertThat(II06aJson.read(II06aJson.write(report, true))).isEqualTo(report);

        II06aReport byField = SampleReports.byField();
        assertThat(II06aJson.read(II06aJson.write(byField, true))).isEqualTo(byField);
    }

    @Test
    void theSameFiguresGiveTheSameBytesWhenComputedAtIsLeftOut() {
        String first = II06aJson.write(SampleReports.province(Instant.parse("2026-10-01T00:00:00Z")), false);
        String later = II06aJson.write(SampleReports.province(Instant.parse("2026-10-05T09:00:00Z")), false);
        assertThat(later).isEqualTo(first);
        assertThat(first)
                .doesNotContain("computedAt")
                .doesNotContain("\": ")
                .doesNotContain(", \"")
                .doesNotContain("\n");
    }

    @Test
    void keysAreSortedAtEveryLevel() {
        String json = II06aJson.write(SampleReports.province(Instant.EPOCH), true);
        assertThat(json).startsWith("{\"computedAt\":");
        assertThat(json.indexOf("\"grouping\"")).isLessThan(json.indexOf("\"period\""));
        assertThat(json.indexOf("\"rows\"")).isLessThan(json.indexOf("\"timelinessRule\""));
        assertThat(json.indexOf("\"carried_over\"")).isLessThan(json.indexOf("\"in_progress\""));
        assertThat(json).contains("\"name\":\"Tỉnh Hải Dương\""); // UTF-8 as is, not escaped
    }

    @Test
    void canonicalJsonSortsMapKeysAndLeavesNullMembersOut() {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("b", 2L);
        m.put("a", List.of("x", true));
        m.put("c", null);
        assertThat(CanonicalJson.write(m)).isEqualTo("{\"a\":[\"x\",true],\"b\":2}");
        assertThat(CanonicalJson.read("{\"b\":2,\"a\":[\"x\",true]}"))
                .isEqualTo(Map.of("a", List.of("x", true), "b", 2L));
    }

    @Test
    void aSnapshotMissingAColumnFailsInsteadOfReadingZero() {
        String json =
                II06aJson.write(SampleReports.province(Instant.EPOCH), true).replaceFirst("\"refused\":\\d+,?", "");
        assertThatThrownBy(() -> II06aJson.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void malformedJsonIsRefused() {
        assertThatThrownBy(() -> II06aJson.read("{\"unit\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.read("{} []")).isInstanceOf(IllegalArgumentException.class);
    }
}
