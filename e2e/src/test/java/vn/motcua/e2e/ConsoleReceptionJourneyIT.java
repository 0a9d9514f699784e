package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reception desk in a real browser (browser/reception.journey.cjs): mc.ngocson receives a paper dossier at the
 * counter — procedure search, checklist, applicant — gets Form 01 at once and finds the dossier in the work list;
 * then accepts one online submission and refuses another (both made by congdan.an through the REST API first).
 */
class ConsoleReceptionJourneyIT extends ConsoleDeskSupport {

    @Test
    void theDeskReceivesAtTheCounterPrintsForm01AndDecidesOnOnlineSubmissions() throws Exception {
        String tag = runTag();
        String accept = submitOnline("Nguyễn Văn An " + tag);
        String refuse = submitOnline("Nguyễn Văn An " + tag);
        String log = BrowserJourney.run(
                platform,
                "reception.journey.cjs",
                Map.of("APPLICANT", "Phạm Thị Hoa " + tag, "ONLINE_ACCEPT", accept, "ONLINE_REFUSE", refuse));
        assertThat(log)
                .contains(
                        "step: reception form",
                        "step: checklist not complete",
                        "step: received and form 01 downloaded",
                        "step: the new dossier in the work list",
                        "step: online submission with the desk's actions",
                        "step: online submission accepted",
                        "step: online submission refused",
                        "step: paper dossier sent back with form 02 before acceptance",
                        "journey reception: ok");
    }
}
