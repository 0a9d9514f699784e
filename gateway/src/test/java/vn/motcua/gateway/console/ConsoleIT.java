package vn.motcua.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/**
 * The web console is served at / without a token, with the browser hardening of every other answer and a page policy
 * that lets it reach only the gateway and the configured Keycloak; its settings come from the gateway's properties.
 */
@MicronautTest(transactional = false)
class ConsoleIT extends GatewayIT {

    private static final String KEYCLOAK = "https://login.motcua.test:8443";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "motcua.gateway.console.keycloak-url",
                KEYCLOAK + "/",
                "motcua.gateway.console.realm",
                "motcua-test",
                "motcua.gateway.console.client-id",
                "console-test");
    }

    @Test
    void configReflectsTheConfiguredKeycloakRealmAndClient() {
        Api.Reply reply = api.get("/console/config.json");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("keycloakUrl", KEYCLOAK, "realm", "motcua-test", "clientId", "console-test"));
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void configIsServedEvenWithAnInvalidToken() {
        assertThat(api.get("/console/config.json", "garbage.token.here").status())
                .isEqualTo(200);
    }

    @Test
    void indexIsServedAtTheRootAsHtmlWithTheConsolePolicy() {
        Api.Reply root = api.get("/");
        Api.Reply index = api.get("/index.html");

        assertThat(root.status()).as(root.body()).isEqualTo(200);
        assertThat(root.body()).isEqualTo(index.body());
        assertThat(root.contentType()).startsWith("text/html");
        assertThat(root.body())
                .contains(
                        "<html lang=\"vi\">",
                        "Đăng nhập",
                        "<script src=\"/vendor/oidc-client-ts.min.js\"></script>",
                        "<script type=\"module\" src=\"/app.js\"></script>");
        String policy = root.header("Content-Security-Policy");
        assertThat(policy)
                .contains(
                        "default-src 'none'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "connect-src 'self' " + KEYCLOAK + ";",
                        "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(index.header("Content-Security-Policy")).isEqualTo(policy);
        assertThat(root.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(root.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(root.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(root.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void scriptsAndStylesAreServedWithTypesABrowserAcceptsUnderNosniff() {
        for (String module : new String[] {
            "/app.js",
            "/js/api.js",
            "/js/auth.js",
            "/views/lookup.js",
            "/vendor/oidc-client-ts.min.js",
            "/views/report-dashboard.js",
            "/views/report-charts.js",
            "/vendor/chart.umd.min.js"
        }) {
            Api.Reply reply = api.get(module);
            assertThat(reply.status()).as(module).isEqualTo(200);
            assertThat(reply.contentType()).as(module).matches("(application|text)/javascript.*");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        Api.Reply css = api.get("/style.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        // login is oidc-client-ts (authorization code + PKCE), its tokens in this tab's sessionStorage only
        assertThat(api.get("/js/auth.js").body())
                .contains("response_type: 'code'", "new WebStorageStateStore({store: window.sessionStorage})")
                .doesNotContain("localStorage");
        assertThat(api.get("/vendor/oidc-client-ts.min.js").body()).contains("UserManager", "code_challenge");
        // the dashboard's charts come from the gateway itself (vendor/VERSIONS), loaded by the report screens only
        assertThat(api.get("/vendor/chart.umd.min.js").body()).contains("Chart.js v4.6.2");
        assertThat(api.get("/views/report-charts.js").body()).contains("'/vendor/chart.umd.min.js'");
    }

    @Test
    void apiAnswersKeepThePolicyThatAllowsNothing() {
        assertThat(api.get("/api/v1/units").header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertProblem(api.get("/api/v1/inbox"), 401, "TOKEN_MISSING");
    }

    @Test
    void unknownPathsBesideTheConsoleAreStill404Problems() {
        assertProblem(api.get("/no-such-page.html"), 404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/no-such-route"), 404, "NOT_FOUND");
    }
}
