package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/** CORS admits the configured console origin only. */
@MicronautTest(transactional = false)
class CorsIT extends GatewayIT {

    private static final String CONSOLE = "http://console.motcua.test:5173";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.gateway.console-origin", CONSOLE);
    }

    private Api.Reply preflight(String origin, String method, String headers) {
        return api.send(api.request("/api/v1/dossiers")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .build());
    }

    @Test
    void preflightFromTheConsoleIsAllowed() {
        Api.Reply reply = preflight(CONSOLE, "POST", "authorization,content-type,idempotency-key");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(reply.headers().allValues("Access-Control-Allow-Methods")).anyMatch(v -> v.contains("POST"));
        assertThat(String.join(",", reply.headers().allValues("Access-Control-Allow-Headers"))
                        .toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void actualRequestsFromTheConsoleGetTheHeadersAndMayReadRetryAfter() {
        Api.Reply reply = api.send(
                api.request("/api/v1/units").header("Origin", CONSOLE).GET().build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(String.join(",", reply.headers().allValues("Access-Control-Expose-Headers")))
                .contains("Retry-After", "X-Request-Id");
    }

    @Test
    void otherOriginsAreNotAllowed() {
        for (String origin :
                new String[] {"https://evil.example", "http://localhost:9999", "http://console.motcua.test:5174", "null"
                }) {
            Api.Reply reply = preflight(origin, "POST", "authorization,content-type");

            assertThat(reply.header("Access-Control-Allow-Origin"))
                    .as(origin + " -> " + reply.status())
                    .isNull();
            assertThat(reply.status()).as(origin).isNotEqualTo(200);
        }
        Api.Reply simple = api.send(api.request("/api/v1/units")
                .header("Origin", "https://evil.example")
                .GET()
                .build());
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultConsoleOriginIsLocalhost8080() throws Exception {
        try (var in = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Object> gateway =
                    (Map<String, Object>) ((Map<String, Object>) yaml.get("motcua")).get("gateway");
            assertThat(gateway).containsEntry("console-origin", "http://localhost:8080");
        }
    }
}
