package vn.motcua.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gateway's database away: decisions fall back to this replica's memory, neither all refused nor all let through. */
class DatabaseRateLimiterFallbackTest {

    @SuppressWarnings("unchecked")
    private static <T> T unreachable(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "unreachable database" : null;
            }
            throw new IllegalStateException("Connection is not available, request timed out after 1000ms");
        });
    }

    @Test
    void withoutItsDatabaseAReplicaLimitsOnItsOwnAndCountsTheFallbacks() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DatabaseRateLimiter limiter = new DatabaseRateLimiter(
                unreachable(TransactionOperations.class),
                unreachable(JdbcOperations.class),
                new RateLimiter(1000),
                () -> 0L,
                Duration.ofSeconds(1),
                meters);
        Limit burstTwo = new Limit(0.01, 2);

        assertThat(limiter.acquire("ip:1", burstTwo).allowed()).isTrue();
        assertThat(limiter.acquire("ip:1", burstTwo).allowed()).isTrue();
        assertThat(limiter.acquire("ip:1", burstTwo).allowed()).isFalse();
        assertThat(meters.get("motcua.gateway.rate_limit.fallback").counter().count())
                .isEqualTo(3);
    }

    @Test
    void theStoredTimeStepIsOneRequestsShareOfASecond() {
        assertThat(DatabaseRateLimiter.intervalMicros(new Limit(5, 1))).isEqualTo(200_000);
        assertThat(DatabaseRateLimiter.intervalMicros(new Limit(0.016, 1))).isEqualTo(62_500_000);
        assertThat(DatabaseRateLimiter.intervalMicros(new Limit(5_000_000, 1)))
                .as("never zero: a zero step would admit everything")
                .isEqualTo(1);
    }
}
