package vn.motcua.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;

/**
 * Base of the gateway's integration tests: the real gateway on a random port, the platform's TestIdentityProvider
 * as Keycloak, and {@link FakeServices} behind every gRPC channel. Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayIT implements TestPropertyProvider {

    protected final TestIdentityProvider idp = TestIdentityProvider.start();
    protected final FakeServices services = FakeServices.start();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected JsonMapper json;

    protected Api api;
    /** The management port (endpoints.all.port): /health and /prometheus, which the public port does not serve. */
    protected Api management;

    private final int managementPort = TestPorts.free();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(idp.authProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("endpoints.all.port", String.valueOf(managementPort));
        properties.put("grpc.channels.dossier.address", dossierAddress());
        properties.put("grpc.channels.report.address", reportAddress());
        properties.put("grpc.channels.payment.address", paymentAddress());
        // tests fire requests faster than any person; RateLimitIT sets its own tiny limits
        properties.put("motcua.gateway.rate-limit.anonymous.requests-per-second", "1000");
        properties.put("motcua.gateway.rate-limit.anonymous.burst", "1000");
        properties.put("motcua.gateway.rate-limit.authenticated.requests-per-second", "1000");
        properties.put("motcua.gateway.rate-limit.authenticated.burst", "1000");
        // the gateway's own database (shared rate-limit buckets): an in-memory H2 per context, never the var/ file;
        // TwoGatewaysIT points two gateways at one MariaDB database instead
        properties.put(
                "datasources.default.url",
                "jdbc:h2:mem:gateway_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                        + ";NON_KEYWORDS=VALUE,DAY,MONTH,YEAR;DB_CLOSE_DELAY=-1");
        properties.putAll(extraProperties());
        return properties;
    }

    protected String dossierAddress() {
        return services.address();
    }

    protected String reportAddress() {
        return services.address();
    }

    protected String paymentAddress() {
        return services.address();
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeEach
    void resetServices() {
        services.reset();
        api = new Api(URI.create(server.getURL().toString() + "/"), json);
        management = new Api(URI.create("http://" + server.getHost() + ":" + managementPort + "/"), json);
    }

    @AfterAll
    void stopDoubles() throws InterruptedException {
        services.close();
        idp.close();
    }

    protected String officer(String... roles) {
        return idp.officer("officer.an", "11077", roles);
    }

    protected String receptionOfficer() {
        return idp.officer("reception.binh", "11077", "reception_officer");
    }

    protected String citizen() {
        return idp.citizen("citizen.chi", "001203004567");
    }

    /** The response is RFC 9457 problem+json with the given status and reason, and no internals. */
    protected static void assertProblem(Api.Reply reply, int status, String reason) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        Map<String, Object> problem = reply.json();
        assertThat(problem)
                .containsEntry("status", status)
                .containsEntry("reason", reason)
                .containsKeys("type", "title", "requestId");
        assertThat(problem.get("requestId")).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.body()).doesNotContain("Exception", "java.", "io.grpc", "micronaut", "at vn.");
    }
}
