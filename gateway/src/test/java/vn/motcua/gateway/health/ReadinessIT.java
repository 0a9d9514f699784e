package vn.motcua.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/** /health/readiness follows the services behind the gateway; liveness does not. */
@MicronautTest(transactional = false)
class ReadinessIT extends GatewayIT {

    @Test
    void readinessIsDownWhileTheServicesAreUnreachableAndUpAgainAfterwards() throws Exception {
        assertThat(management.get("/health/readiness").status()).isEqualTo(200);

        services.stop();
        try {
            Api.Reply down = awaitReadiness(status -> status == 503);
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.json()).containsEntry("status", "DOWN");
            assertThat(down.body())
                    .as("no addresses or details for anonymous callers")
                    .doesNotContain("127.0.0.1");
            assertThat(management.get("/health/liveness").status()).isEqualTo(200);
        } finally {
            services.restart();
        }

        Api.Reply up = awaitReadiness(status -> status == 200);
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json()).containsEntry("status", "UP");
    }

    private Api.Reply awaitReadiness(IntPredicate wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Api.Reply reply = management.get("/health/readiness");
        while (!wanted.test(reply.status()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = management.get("/health/readiness");
        }
        return reply;
    }
}
