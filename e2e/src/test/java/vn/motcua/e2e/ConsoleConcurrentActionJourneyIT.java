package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two people on one dossier (browser/race.journey.cjs): both open it, the first transfers it, the second's transfer
 * carries the ETag they saw and is refused with 412; their screen says so in Vietnamese and shows the fresh state.
 */
class ConsoleConcurrentActionJourneyIT extends ConsoleDeskSupport {

    @Test
    void theSecondOfTwoSessionsSeesWhoActedFirstAndTheFreshState() throws Exception {
        String code = receiveAtCounter("mc.ngocson", "Lê Thị Cúc " + runTag());
        String log = BrowserJourney.run(platform, "race.journey.cjs", Map.of("CODE", code));
        assertThat(log)
                .contains(
                        "step: both sessions see the received dossier",
                        "step: first session transferred",
                        "step: second session told someone acted first",
                        "journey race: ok");
    }
}
