package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web console's login in a real browser: Keycloak's own page (in Vietnamese), the work list, tokens only in the
 * tab's sessionStorage, logout ending Keycloak's session too (browser/login.journey.cjs).
 */
class ConsoleLoginJourneyIT extends SystemTest {

    @Test
    void aSpecialistLogsInThroughKeycloakSeesTheWorkListAndLogsOut() throws Exception {
        String log = BrowserJourney.run(
                platform,
                "login.journey.cjs",
                Map.of(
                        "USERNAME",
                        "cv.ngocson",
                        "EXPECT_ROLE_LABEL",
                        "Chuyên viên xử lý",
                        "EXPECT_UNIT",
                        "Xã Ngọc Sơn"));
        assertThat(log)
                .contains(
                        "step: work list after login",
                        "step: logged out",
                        "step: login asks for credentials again",
                        "journey login: ok");
    }
}
