package vn.motcua.gateway.digitization;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;

/**
 * A request the gateway has read whole, waiting for a service longer than {@code micronaut.server.idle-timeout}
 * (shipped 10s; a passing component check stamps a large PDF for up to {@code processing-timeout}, 5m), is answered,
 * not cut: the connection is idle only because the service is working. The shipped configuration, no override.
 */
@MicronautTest(transactional = false)
class SlowServiceAnswerOutlastsIdleTimeoutIT extends DigitizationGatewayIT {

    private static final String CHECK = "/api/v1/dossiers/H30.298.11077-250303-0001/components/1:check";

    @Test
    void aCheckAnsweredAfterTheIdleTimeoutReachesTheClient() {
        digitization.delayAnswers(Duration.ofSeconds(12));
        long start = System.nanoTime();

        Api.Reply reply = api.postJson(CHECK, receptionOfficer(), "{\"matchesOriginal\":true}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("state", "CHECKED");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the answer came after the 10s idle timeout")
                .isGreaterThan(Duration.ofSeconds(11));
    }
}
