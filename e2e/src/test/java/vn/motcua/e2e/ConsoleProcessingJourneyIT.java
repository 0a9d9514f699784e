package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Processing in a real browser (browser/processing.journey.cjs) with Xã Ngọc Sơn's demo officers, each in their own
 * session: the desk transfers, the leader assigns (after a look at the unit's overview), the specialist appraises and
 * asks for a supplement, the desk receives it, the specialist submits for approval, the leader sees it waiting and
 * approves, the specialist attaches the signed electronic result (signed by the run's trusted CA; issue 12: the
 * clerk cannot issue the result before), the clerk issues the result and the desk returns it. The timeline names
 * people, not usernames.
 */
class ConsoleProcessingJourneyIT extends ConsoleDeskSupport {

    @Test
    void aDossierGoesFromTransferToReturnThroughEachOfficersActions() throws Exception {
        String applicant = "Trần Văn Bình " + runTag();
        String code = receiveAtCounter("mc.ngocson", applicant);
        Path result = Files.write(
                Files.createDirectories(platform.work.resolve("processing-journey"))
                        .resolve("ket-qua-" + code.replaceAll("[^A-Za-z0-9.-]", "_") + ".pdf"),
                TrustedSigning.resultPdf());
        String log = BrowserJourney.run(
                platform, "processing.journey.cjs", Map.of("CODE", code, "RESULT_PDF", result.toString()));
        assertThat(log)
                .contains(
                        "step: desk transfers",
                        "step: leader overview",
                        "step: leader assigns the specialist",
                        "step: specialist finds the dossier by code",
                        "step: specialist asks for a supplement",
                        "step: desk receives the supplement",
                        "step: specialist submits for approval",
                        "step: leader sees it waiting for approval",
                        "step: leader approves",
                        "step: specialist attaches the signed result",
                        "step: clerk issues the result",
                        "step: desk returns the result",
                        "journey processing: ok");
    }
}
