package vn.motcua.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
}
