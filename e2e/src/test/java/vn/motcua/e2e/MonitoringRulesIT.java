package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/base/monitoring/motcua-rules.yaml only reads metrics the platform really exposes: every metric name in
 * every rule's expression is either recorded by the file itself, Prometheus's own {@code up}, or present in a scrape
 * of the running processes' {@code /prometheus}. A renamed metric, or a rule written against a metric nobody
 * exports, would otherwise make an alert that can never fire.
 */
class MonitoringRulesIT extends SystemTest {

    private static final Path RULES = Path.of("deploy", "k8s", "base", "monitoring", "motcua-rules.yaml");
    /** Synthesised by Prometheus for each target, never exported by a process. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private final Map<String, Set<String>> exposed = new LinkedHashMap<>();

    @BeforeAll
    void scrapeEveryProcess() throws Exception {
        // a public API route, so the gateway's request histogram has a series whatever ran before
        http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/units"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        for (String process : Platform.SERVICES) {
            if (!process.equals("payment-simulator")) {
                exposed.put(process, scrape(process));
            }
        }
    }

    @Test
    void everyMetricARuleReadsIsExposedByARunningProcess() throws IOException {
        JsonNode rules =
                new ObjectMapper(new YAMLFactory()).readTree(rulesFile().toFile());
        Set<String> recorded = new TreeSet<>();
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("record")
                        ? rule.path("record").asText()
                        : rule.path("alert").asText();
                assertThat(name)
                        .as("a rule of group %s without record or alert", group.path("name"))
                        .isNotBlank();
                if (rule.has("record")) {
                    recorded.add(name);
                }
                expressions.put(name, rule.path("expr").asText());
            }
        }
        assertThat(expressions).as("rules in %s", RULES).hasSizeGreaterThan(10);
        Set<String> everyExposed = new TreeSet<>();
        exposed.values().forEach(everyExposed::addAll);

        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        expressions.forEach((rule, expr) -> {
            Set<String> names = PromQlMetricNames.of(expr);
            assertThat(names).as("metric names in %s: %s", rule, expr).isNotEmpty();
            names.removeIf(n -> recorded.contains(n) || PROMETHEUS_OWN.contains(n) || everyExposed.contains(n));
            if (!names.isEmpty()) {
                unknown.put(rule, names);
            }
        });
        assertThat(unknown)
                .as("metrics read by rules but exposed by no process (exposed: %s)", everyExposed)
                .isEmpty();
    }

    /** The per-process alerts (errors, latency, pool, heap, leases, feeds) find their series on every process. */
    @Test
    void eachProcessExposesTheSeriesItsAlertsRead() {
        for (String service :
                new String[] {"dossier-service", "payment-service", "digitization-service", "report-service"}) {
            assertThat(exposed.get(service))
                    .as("metrics of %s", service)
                    .contains(
                            "grpc_server_processing_duration_seconds_bucket",
                            "grpc_server_processing_duration_seconds_count",
                            "hikaricp_connections_pending",
                            "hikaricp_connections_timeout_total",
                            "jvm_memory_used_bytes",
                            "jvm_memory_max_bytes",
                            "motcua_lease_held");
        }
        for (String producer : new String[] {"dossier-service", "payment-service", "digitization-service"}) {
            assertThat(exposed.get(producer))
                    .as("feed metrics of %s", producer)
                    .contains("motcua_feed_head_seq", "motcua_feed_outbox_pending");
        }
        for (String consumer : new String[] {"dossier-service", "digitization-service", "report-service"}) {
            assertThat(exposed.get(consumer))
                    .as("consumer metrics of %s", consumer)
                    .contains("motcua_feed_cursor_seq");
        }
        assertThat(exposed.get("gateway"))
                .as("metrics of the gateway")
                .contains(
                        "http_server_requests_seconds_bucket",
                        "http_server_requests_seconds_count",
                        "jvm_memory_used_bytes");
    }

    private Set<String> scrape(String process) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + platform.managementPort(process) + "/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /prometheus of %s", process).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        response.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        });
        return names;
    }

    private Path rulesFile() {
        Path root = Path.of(System.getProperty("motcua.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path file = root.resolve(RULES);
        assertThat(Files.isRegularFile(file)).as("%s exists", file).isTrue();
        return file;
    }
}
