package vn.motcua.gateway.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Both channels point at a port nobody listens on: 503 without naming the address or the transport error. */
@MicronautTest(transactional = false)
class DownstreamUnavailableIT extends GatewayIT {

    private final String deadAddress = "127.0.0.1:" + freePort();

    @Override
    protected String dossierAddress() {
        return deadAddress;
    }

    @Override
    protected String reportAddress() {
        return deadAddress;
    }

    @Test
    void unreachableServiceIs503() {
        Api.Reply units = api.get("/api/v1/units");
        Api.Reply report = api.get("/api/v1/reports/daily-receptions?from=2025-03-01&to=2025-03-02",
                officer("report_viewer"));

        for (Api.Reply reply : new Api.Reply[]{units, report}) {
            assertProblem(reply, 503, "DOWNSTREAM_UNAVAILABLE");
            assertThat(reply.body()).doesNotContain(deadAddress, "127.0.0.1", "Connection refused", "io exception");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
