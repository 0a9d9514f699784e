package vn.motcua.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management port answers GET /prometheus with the registry's metrics, and nothing else. */
class ManagementServerTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ManagementServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ManagementServerTest() {
        ManagementConfiguration config = new ManagementConfiguration();
        config.setPort(0);
        server = new ManagementServer(config, registry);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void servesTheRegistryInPrometheusTextFormat() throws Exception {
        registry.counter("motcua.test.calls", "kind", "probe").increment(3);

        HttpResponse<String> response = send("GET", "/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("motcua_test_calls_total{kind=\"probe\"} 3.0");
    }

    @Test
    void anyOtherPathIsNotFoundAndAnotherMethodNotAllowed() throws Exception {
        assertThat(send("GET", "/health").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/prometheus/x").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send("POST", "/prometheus");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aNegativePortIsRefusedWithTheSettingsName() {
        ManagementConfiguration config = new ManagementConfiguration();
        assertThatThrownBy(() -> config.setPort(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motcua.management.port");
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
