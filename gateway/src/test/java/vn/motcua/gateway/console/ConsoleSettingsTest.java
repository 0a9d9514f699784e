package vn.motcua.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The console's settings go into a CSP header and a JSON document: values that could change their meaning fail. */
class ConsoleSettingsTest {

    @Test
    void aKeycloakUrlThatCouldBreakThePolicyIsRefusedAtStartUp() {
        for (String bad : new String[] {
            "ftp://login.example",
            "http://login.example; script-src *",
            "http://user@login.example",
            "not a url",
            "http://login.example/?x=1"
        }) {
            assertThatThrownBy(() -> new ConsoleSettings(bad, "motcua", "motcua-console"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("motcua.gateway.console.keycloak-url");
        }
        assertThatThrownBy(() -> new ConsoleSettings("http://kc", "a/b", "motcua-console"))
                .hasMessageContaining("motcua.gateway.console.realm");
        assertThat(new ConsoleSettings("HTTP://KC.Example:8080/auth/", "motcua", "c").keycloakOrigin())
                .isEqualTo("http://kc.example:8080");
    }

    @Test
    void aTrailingSlashIsDroppedSoTheConsoleCanAppendPaths() {
        assertThat(new ConsoleSettings("http://127.0.0.1:18480//", "motcua", "motcua-console").keycloakUrl())
                .isEqualTo("http://127.0.0.1:18480");
    }
}
