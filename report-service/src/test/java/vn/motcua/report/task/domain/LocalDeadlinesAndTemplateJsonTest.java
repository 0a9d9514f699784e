package vn.motcua.report.task.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDeadlinesAndTemplateJsonTest {

    @Test
    void aLocalDeadlineIsHanoiTime() {
        assertThat(LocalDeadlines.parse("2026-09-01T16:00")).contains(Instant.parse("2026-09-01T09:00:00Z"));
    }

    @Test
    void anythingButYyyyMmDdTHhMmIsRefused() {
        assertThat(LocalDeadlines.parse("2026-09-01T16:00:00")).isEmpty();
        assertThat(LocalDeadlines.parse("2026-09-01 16:00")).isEmpty();
        assertThat(LocalDeadlines.parse("2026-02-30T16:00")).isEmpty();
        assertThat(LocalDeadlines.parse("2026-09-01T24:00")).isEmpty();
        assertThat(LocalDeadlines.parse("")).isEmpty();
        assertThat(LocalDeadlines.parse(null)).isEmpty();
    }

    @Test
    void aTemplateReadsBackAsWritten() {
        CampaignTemplate t = new CampaignTemplate(
                List.of(
                        new TemplateColumn("procedure_code", "Mã thủ tục", ColumnType.TEXT, true),
                        new TemplateColumn("so_ho_so", "Số hồ sơ \"trực tuyến\"", ColumnType.INTEGER, false)),
                TemplatePrefill.PROCEDURES);
        String json = TemplateJson.write(t);
        assertThat(json).contains("\"type\":\"INTEGER\"").contains("\"prefill\":\"PROCEDURES\"");
        assertThat(TemplateJson.read(json)).isEqualTo(t);
    }

    @Test
    void documentIdListsReadBackAsWritten() {
        assertThat(TemplateJson.readStrings(TemplateJson.writeStrings(List.of("DOC-A", "DOC-B"))))
                .containsExactly("DOC-A", "DOC-B");
        assertThat(TemplateJson.readStrings("[]")).isEmpty();
    }
}
