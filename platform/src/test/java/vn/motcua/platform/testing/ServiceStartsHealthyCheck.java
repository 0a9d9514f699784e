package vn.motcua.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.metrics.ManagementServer;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;

/**
 * The start-up contract of every gRPC service: it migrates a fresh MariaDB database, reports SERVING and serves its
 * (empty) change feed to report-service's service account. A service's IT extends this, annotates itself with
 * {@code @MicronautTest(transactional = false)} and returns its gRPC port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceStartsHealthyCheck implements TestPropertyProvider {

    private final TestDatabase db;
    private final TestIdentityProvider idp =
            TestIdentityProvider.start().serviceAccount("motcua-report-service", Set.of());

    protected ServiceStartsHealthyCheck(String purpose) {
        db = TestDatabase.create(purpose);
    }

    @Inject
    protected HandlerThreads handlerThreads;

    @Inject
    protected ManagementServer management;

    protected abstract int grpcPort();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        props.put(HandlerThreads.ENABLED, "true");
        return props;
    }

    @AfterAll
    void cleanUp() {
        idp.close();
        db.close();
    }

    @Test
    void reportsServingAndAnswersTheChangeFeed() {
        assertThat(GrpcSmoke.health(grpcPort())).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        var first = GrpcSmoke.firstFeedMessage(grpcPort(), idp.serviceAccountToken("motcua-report-service"));
        assertThat(first.hasHeartbeat()).isTrue();
        assertThat(first.getHeartbeat().getHighWaterSeq()).isZero();
    }

    /**
     * The service's real handlers (health, its change feed) run on the platform's bounded worker pool, never on a
     * Netty event-loop thread, where their blocking JDBC would stall every call of that loop (issue 9).
     */
    @Test
    void handlersRunOnTheWorkerPoolNotOnAnEventLoop() {
        GrpcSmoke.health(grpcPort());
        GrpcSmoke.firstFeedMessage(grpcPort(), idp.serviceAccountToken("motcua-report-service"));

        handlerThreads.assertRanOnWorkerPool(HealthGrpc.getCheckMethod(), ChangeFeedGrpc.getSubscribeMethod());
    }

    /**
     * The management port serves Prometheus metrics: JVM, the connection pool, the feed this service produces, the
     * relay's lease, and every gRPC call by method and status, including one refused by authentication (the metrics
     * interceptor runs outside it).
     */
    @Test
    void servesPrometheusMetricsOnTheManagementPort() throws IOException, InterruptedException {
        GrpcSmoke.health(grpcPort());
        assertThat(catchUnauthenticated()).isEqualTo(Status.Code.UNAUTHENTICATED);

        HttpResponse<String> scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.port() + "/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body())
                .containsPattern("(?m)^grpc_server_processing_duration_seconds_bucket\\{[^}]*method=\"Check\""
                        + "[^}]*statusCode=\"OK\"")
                .containsPattern("(?m)^grpc_server_processing_duration_seconds_count\\{[^}]*method=\"Subscribe\""
                        + "[^}]*statusCode=\"UNAUTHENTICATED\"")
                .containsPattern("(?m)^hikaricp_connections_active\\{")
                .containsPattern("(?m)^jvm_memory_used_bytes\\{")
                .containsPattern("(?m)^motcua_feed_head_seq\\{[^}]*source=")
                .containsPattern("(?m)^motcua_feed_outbox_pending\\{[^}]*source=")
                .containsPattern("(?m)^motcua_lease_held\\{[^}]*lease=\"feed-relay:");
    }

    private Status.Code catchUnauthenticated() {
        try {
            GrpcSmoke.firstFeedMessage(grpcPort(), "not-a-token");
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }
}
