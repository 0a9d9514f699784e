package vn.motcua.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.GatewayIT;

/**
 * {@code rate-limit.store: memory}, the single-instance option: the old per-process buckets decide, the database
 * limiter and its sweep do not exist. A store that is neither stops the gateway at start with the setting's name.
 */
@MicronautTest(transactional = false)
class MemoryStoreIT extends GatewayIT {

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "motcua.gateway.rate-limit.store", "memory",
                "motcua.gateway.rate-limit.anonymous.requests-per-second", "0.016",
                "motcua.gateway.rate-limit.anonymous.burst", "2");
    }

    @Test
    void theInMemoryBucketsLimitAndNoDatabaseLimiterExists() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.get("/api/v1/public/dossiers/H30.298.11077-250303-0001/status")
                    .status());
        }

        assertThat(statuses).containsExactly(200, 200, 429, 429);
        assertThat(context.getBean(ClientLimiter.class)).isInstanceOf(RateLimiter.class);
        assertThat(context.containsBean(DatabaseRateLimiter.class)).isFalse();
        assertThat(context.containsBean(RateLimitSweep.class)).isFalse();
    }

    @Test
    void anUnknownStoreStopsTheGatewayAtStart() {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("motcua.gateway.rate-limit.store", "redis");

        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, props, "test")
                        .close())
                .hasStackTraceContaining(
                        "motcua.gateway.rate-limit.store must be one of [database, memory], not 'redis'");
    }
}
