package vn.motcua.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/** Tiny limits (burst 3, then one request a minute) so a short flood hits them without any sleeping. */
@MicronautTest(transactional = false)
class RateLimitIT extends GatewayIT {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "motcua.gateway.rate-limit.anonymous.requests-per-second", "0.016",
                "motcua.gateway.rate-limit.anonymous.burst", "3",
                "motcua.gateway.rate-limit.authenticated.requests-per-second", "0.016",
                "motcua.gateway.rate-limit.authenticated.burst", "2");
    }

    @Test
    void floodingAnAnonymousRouteGets429WithRetryAfter() {
        List<Api.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(api.get("/api/v1/public/dossiers/H30.298.11077-250303-0001/status"));
        }

        assertThat(replies.subList(0, 3))
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        for (Api.Reply refused : replies.subList(3, 6)) {
            assertProblem(refused, 429, "RATE_LIMITED");
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 63L);
        }
        assertThat(services.received())
                .as("refused requests never reach a service")
                .hasSize(3);
        // health stays reachable for probes whatever the clients do
        assertThat(management.get("/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void theProvidersNotificationsFromOneAddressAreNotHeldToTheAnonymousLimit() {
        // far past the anonymous burst of 3: a 429 here would make the provider redeliver every notification
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(api.get("/api/v1/payments/provider/callback?order_ref=PAY-1-" + i + "&secure_hash=x")
                    .status());
            statuses.add(api.get("/api/v1/payments/provider/return?order_ref=PAY-1-" + i + "&secure_hash=x")
                    .status());
        }

        // (the anonymous bucket is left untouched: the other tests of this context count on it being full)
        assertThat(statuses).hasSize(24).doesNotContain(429);
    }

    @Test
    void tokenRoutesAreLimitedPerSubjectNotPerAddress() {
        String first = officer("specialist");
        String second = idp.officer("officer.binh", "11077", "clerk");

        List<Integer> firstStatuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            firstStatuses.add(api.get("/api/v1/procedures", first).status());
        }
        Api.Reply other = api.get("/api/v1/procedures", second);

        assertThat(firstStatuses).containsExactly(200, 200, 429);
        assertThat(other.status())
                .as("another person from the same address has their own bucket")
                .isEqualTo(200);
    }
}
