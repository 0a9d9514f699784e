package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Defect 2 (browser/paging.journey.cjs): a work list of more than 50 dossiers shows its total and "Trang sau" opens
 * the rest. 55 dossiers of one applicant are received at Xã Kỳ Sơn's desk; the search narrows the list to them.
 */
class ConsoleWorkListPagingJourneyIT extends ConsoleDeskSupport {

    @Test
    void aListOfMoreThanFiftyShowsItsTotalAndTheNextPage() throws Exception {
        String applicant = "Đỗ Văn Dũng " + runTag();
        for (int i = 0; i < 55; i++) {
            receiveAtCounter("mc.kyson", applicant);
        }
        String log = BrowserJourney.run(platform, "paging.journey.cjs", Map.of("APPLICANT", applicant));
        assertThat(log).contains("step: first page with the total", "step: second page", "journey paging: ok");
    }
}
