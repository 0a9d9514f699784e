package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/**
 * /prometheus, on the management port only, exposes request rate and a latency histogram per route template, method
 * and status.
 */
@MicronautTest(transactional = false)
class MetricsIT extends GatewayIT {

    @Test
    void scrapeShowsTheRoutesSeries() {
        assertThat(api.get("/api/v1/public/dossiers/H30.298.11077-250303-0001/status")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/procedures").status()).isEqualTo(401);

        assertThat(api.get("/api/v1/public/procedures?pageSize=abc").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/nothing").status()).isEqualTo(404);
        Api.Reply scrape = management.get("/prometheus");

        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        List<String> lines = scrape.body().lines().toList();
        String route = "uri=\"/api/v1/public/dossiers/{code}/status\"";
        assertThat(lines)
                .as("request count of the route")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                        && l.contains(route)
                        && l.contains("status=\"200\"")
                        && l.contains("method=\"GET\""));
        assertThat(lines)
                .as("latency histogram buckets of the route")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
                        && l.contains(route)
                        && l.contains("le=\""));
        assertThat(lines)
                .as("refusals are counted under their own status")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("uri=\"/api/v1/procedures\"")
                        && l.contains("status=\"401\""));
        assertThat(lines)
                .as("unknown paths share one series")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("uri=\"NOT_FOUND\"")
                        && l.contains("status=\"404\""));
        // the concrete dossier code is not a label: one series per route, not per request
        assertThat(scrape.body()).doesNotContain("H30.298.11077-250303-0001");
    }

    @Test
    void prometheusIsServedOnTheManagementPortOnly() {
        assertProblem(api.get("/prometheus"), 404, "NOT_FOUND");
        assertThat(management.get("/prometheus").status()).isEqualTo(200);
        // the tests choose a free management port; the shipped configuration must name one of its own
        assertThat(shippedConfiguration())
                .containsPattern("(?m)^endpoints:\\n(  .*\\n)*  all:\\n(    .*\\n)*    port: ");
    }

    private static String shippedConfiguration() {
        try (var in = MetricsIT.class.getResourceAsStream("/application.yml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void inventedMethodsDoNotAddSeries() {
        assertThat(api.get("/api/v1/public/procedures").status()).isEqualTo(200);
        int before = requestSeries().size();
        for (int i = 0; i < 100; i++) {
            api.send(api.request("/api/v1/public/procedures")
                    .method("PROBE" + i, HttpRequest.BodyPublishers.noBody())
                    .build());
        }

        List<String> series = requestSeries();
        assertThat(series).noneMatch(l -> l.contains("PROBE"));
        assertThat(series.size()).as(String.join("\n", series)).isLessThanOrEqualTo(before + 2);
        assertThat(series).anyMatch(l -> l.contains("method=\"OTHER\""));
    }

    private List<String> requestSeries() {
        return management
                .get("/prometheus")
                .body()
                .lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{"))
                .toList();
    }
}
