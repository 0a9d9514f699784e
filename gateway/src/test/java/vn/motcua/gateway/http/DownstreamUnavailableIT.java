package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.testing.TestPorts;

/**
 * Both channels and the realm's key endpoint point at a port nobody listens on: 503 without naming the address or
 * the transport error, and an unreachable identity provider is not blamed on the caller (503, not 401).
 */
@MicronautTest(transactional = false)
class DownstreamUnavailableIT extends GatewayIT {

    private final String deadAddress = "127.0.0.1:" + TestPorts.free();

    @Override
    protected String dossierAddress() {
        return deadAddress;
    }

    @Override
    protected String reportAddress() {
        return deadAddress;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.auth.jwks-uri", "http://" + deadAddress + "/certs");
    }

    @Test
    void unreachableServiceIs503() {
        Api.Reply units = api.get("/api/v1/units");
        Api.Reply status = api.get("/api/v1/public/dossiers/H30.298.11077-250303-0001/status");

        for (Api.Reply reply : new Api.Reply[] {units, status}) {
            assertProblem(reply, 503, "DOWNSTREAM_UNAVAILABLE");
            assertThat(reply.body()).doesNotContain(deadAddress, "127.0.0.1", "Connection refused", "io exception");
        }
    }

    @Test
    void unreachableIdentityProviderIs503() {
        Api.Reply reply =
                api.get("/api/v1/reports/daily-receptions?from=2025-03-01&to=2025-03-02", officer("report_viewer"));

        assertProblem(reply, 503, "IDENTITY_PROVIDER_UNAVAILABLE");
        assertThat(reply.body()).doesNotContain(deadAddress);
    }
}
