package vn.motcua.report.campaign.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.report.campaign.domain.CampaignRow;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.ColumnType;
import vn.motcua.report.task.domain.TemplateColumn;
import vn.motcua.report.task.domain.TemplatePrefill;

class CampaignJsonTest {

    @Test
    void rowsReadBackAsWrittenWithTheirCellOrderAndSources() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("z", "Đăng ký \"khai sinh\"");
        cells.put("a", "12");
        List<CampaignRow> rows =
                List.of(CampaignRow.of(cells), new CampaignRow(Map.of("a", "1"), "11077", "Xã Tây Kỳ"));
        List<CampaignRow> back = CampaignJson.readRows(CampaignJson.writeRows(rows));
        assertThat(back).isEqualTo(rows);
        assertThat(back.get(0).cells().keySet()).containsExactly("z", "a");
    }

    @Test
    void idsReadBack() {
        assertThat(CampaignJson.readIds(CampaignJson.writeIds(List.of("A", "B"))))
                .containsExactly("A", "B");
        assertThat(CampaignJson.readIds(null)).isEmpty();
    }

    @Test
    void theTemplateIsReadInTheRecordsShapeWithOrWithoutProtoPrefixes() {
        CampaignTemplate t = new CampaignTemplate(
                List.of(new TemplateColumn("n", "Số hồ sơ", ColumnType.INTEGER, true)), TemplatePrefill.PROCEDURES);
        assertThat(CampaignJson.readTemplate(CampaignJson.writeTemplate(t))).isEqualTo(t);
        assertThat(
                        CampaignJson.readTemplate(
                                "{\"columns\":[{\"key\":\"n\",\"label\":\"Số hồ sơ\","
                                        + "\"type\":\"COLUMN_TYPE_INTEGER\",\"required\":true}],\"prefill\":\"TEMPLATE_PREFILL_PROCEDURES\"}"))
                .isEqualTo(t);
        assertThat(CampaignJson.readTemplate(null)).isNull();
    }
}
