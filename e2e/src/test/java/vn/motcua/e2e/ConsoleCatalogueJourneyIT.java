package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A district's TTHC controller in a real browser (browser/catalogue.journey.cjs): the publication review, a CSV
 * import refused with its bad row named in Vietnamese, the corrected file imported, the draft flagged by the review
 * and published from it, the procedure's versions with a fee's legal basis and the online fee discount (also on the
 * public procedure page), and the catalogue exported.
 */
class ConsoleCatalogueJourneyIT extends SystemTest {

    @Test
    void aControllerImportsReviewsAndPublishesTheCatalogue() throws Exception {
        String log = BrowserJourney.run(platform, "catalogue.journey.cjs", Map.of());
        assertThat(log)
                .contains(
                        "step: the publication review",
                        "step: import refused with the bad row named",
                        "step: the corrected file imported",
                        "step: the review flags the new draft",
                        "step: publishing the draft from the review",
                        "step: the version published",
                        "step: the published procedure and its versions",
                        "step: the public page shows the legal basis and the online discount",
                        "step: the catalogue exported",
                        "journey catalogue: ok");
    }
}
