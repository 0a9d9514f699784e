package vn.motcua.report.campaign.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.report.campaign.domain.CampaignRow;

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
}
