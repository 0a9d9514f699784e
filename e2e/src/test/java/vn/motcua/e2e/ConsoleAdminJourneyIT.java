package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A district's unit administrator in a real browser (browser/admin.journey.cjs): the district's units, a new commune
 * renamed and given its own reception sessions, a day off in its calendar, an officer account created, given a second
 * role and disabled after a confirmation question, the test commune closed, and the tracking register downloaded.
 */
class ConsoleAdminJourneyIT extends SystemTest {

    @Test
    void aUnitAdministratorManagesUnitsCalendarAndAccounts() throws Exception {
        String log = BrowserJourney.run(platform, "admin.journey.cjs", Map.of());
        assertThat(log)
                .contains(
                        "step: units of the district",
                        "step: a new commune created",
                        "step: the commune renamed",
                        "step: reception sessions saved with a saturday morning",
                        "step: a day off added to the calendar",
                        "step: an officer account created",
                        "step: a role assigned to the account",
                        "step: disabling asks first",
                        "step: the account disabled",
                        "step: the test commune closed",
                        "step: the tracking register downloaded",
                        "journey admin: ok");
    }
}
