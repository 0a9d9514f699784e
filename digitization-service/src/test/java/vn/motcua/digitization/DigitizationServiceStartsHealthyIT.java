package vn.motcua.digitization;

import io.grpc.health.v1.HealthCheckResponse;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.testing.GrpcSmoke;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** digitization-service migrates a fresh MariaDB database, reports SERVING and serves its (empty) change feed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigitizationServiceStartsHealthyIT implements TestPropertyProvider {

    private final TestDatabase db = TestDatabase.create("digitization");
    private final TestIdentityProvider idp = TestIdentityProvider.start()
            .serviceAccount("motcua-report-service", Set.of());

    @Inject
    GrpcEmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        return props;
    }

    @AfterAll
    void cleanUp() {
        idp.close();
        db.close();
    }

    @Test
    void reportsServingAndAnswersTheChangeFeed() {
        assertThat(GrpcSmoke.health(server.getPort())).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        var first = GrpcSmoke.firstFeedMessage(server.getPort(), idp.serviceAccountToken("motcua-report-service"));
        assertThat(first.hasHeartbeat()).isTrue();
        assertThat(first.getHeartbeat().getHighWaterSeq()).isZero();
    }
}
