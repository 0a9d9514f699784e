package vn.motcua.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The knobs and the order list change or reveal everything, so they answer the machine itself only, even when the
 * simulator listens on every interface; the protocol's own endpoints answer anyone.
 */
class AdminAnswersLoopbackOnlyTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void knobsRefuseACallerFromAnotherAddress() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        SimulatorConfig config =
                new SimulatorConfig(0, "0.0.0.0", "MOTCUA-DEMO", SimulatorConfig.DEMO_SECRET, 1, Duration.ofMillis(10));
        try (PaymentSimulator simulator = new PaymentSimulator(config, Clock.systemUTC()).start()) {
            String remote = "http://" + other.get().getHostAddress() + ":" + simulator.port();
            String local = "http://127.0.0.1:" + simulator.port();

            assertThat(status(remote + "/admin/knobs", "callback_drop=true")).isEqualTo(403);
            assertThat(status(remote + "/admin/orders", null)).isEqualTo(403);
            assertThat(status(remote + "/health", null)).isEqualTo(200);
            assertThat(status(local + "/admin/knobs", null)).isEqualTo(200);
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(local + "/admin/knobs"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("\"callback_drop\":false");
        }
    }

    private int status(String url, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
