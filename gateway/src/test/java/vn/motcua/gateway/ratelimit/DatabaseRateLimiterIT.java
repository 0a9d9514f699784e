package vn.motcua.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.testing.TestDatabase;

/**
 * The shared buckets on MariaDB (the gateway's migrations in a throwaway database): two limiters over one table play
 * two gateway replicas, and a client's allowance is one whichever replica it reaches, also when both are hammered at
 * once. Time is a hand-moved clock, never waited for.
 */
@MicronautTest(transactional = false)
class DatabaseRateLimiterIT extends GatewayIT {

    private final TestDatabase db = TestDatabase.create("gateway_rate_limit");
    private final AtomicLong nowMicros = new AtomicLong(DatabaseRateLimiter.wallClockMicros());

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    JdbcOperations jdbc;

    @Inject
    RateLimitSweep sweep;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props =
                new HashMap<>(db.micronautProperties("classpath:db/platform", "classpath:db/gateway"));
        // this class calls the sweep itself
        props.put("motcua.gateway.rate-limit.sweep-interval", "1h");
        return props;
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    private DatabaseRateLimiter replica() {
        return new DatabaseRateLimiter(tx, jdbc, new RateLimiter(1000), nowMicros::get, Duration.ofSeconds(1), null);
    }

    private void advanceMillis(long millis) {
        nowMicros.addAndGet(TimeUnit.MILLISECONDS.toMicros(millis));
    }

    @Test
    void aClientSpreadOverTwoReplicasGetsOneBurstNotTwo() {
        DatabaseRateLimiter first = replica();
        DatabaseRateLimiter second = replica();
        Limit fivePerSecondBurstTen = new Limit(5, 10);

        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            DatabaseRateLimiter replica = i % 2 == 0 ? first : second;
            if (replica.acquire("ip:10.0.0.1", fivePerSecondBurstTen).allowed()) {
                allowed++;
            }
        }
        Decision refused = second.acquire("ip:10.0.0.1", fivePerSecondBurstTen);

        assertThat(allowed).isEqualTo(10);
        assertThat(refused.allowed()).isFalse();
        // 5 per second: the next request fits 200 ms later, as with the in-memory bucket
        assertThat(refused.waitNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void theAllowanceComesBackAtTheConfiguredRateOnEveryReplica() {
        DatabaseRateLimiter first = replica();
        DatabaseRateLimiter second = replica();
        Limit onePerSecondBurstTwo = new Limit(1, 2);
        assertThat(first.acquire("sub:a", onePerSecondBurstTwo).allowed()).isTrue();
        assertThat(second.acquire("sub:a", onePerSecondBurstTwo).allowed()).isTrue();
        assertThat(first.acquire("sub:a", onePerSecondBurstTwo).allowed()).isFalse();

        advanceMillis(999);
        assertThat(second.acquire("sub:a", onePerSecondBurstTwo).allowed()).isFalse();
        advanceMillis(1);
        assertThat(second.acquire("sub:a", onePerSecondBurstTwo).allowed()).isTrue();
        assertThat(first.acquire("sub:a", onePerSecondBurstTwo).allowed()).isFalse();

        advanceMillis(60_000);
        int allowed = 0;
        while (first.acquire("sub:a", onePerSecondBurstTwo).allowed()) {
            allowed++;
        }
        assertThat(allowed).as("a long pause refills to the burst, not more").isEqualTo(2);
        assertThat(first.acquire("sub:b", onePerSecondBurstTwo).allowed())
                .as("another client has its own bucket")
                .isTrue();
    }

    @Test
    void concurrentRequestsThroughBothReplicasNeverPassTheBurst() throws Exception {
        DatabaseRateLimiter first = replica();
        DatabaseRateLimiter second = replica();
        Limit burstTwenty = new Limit(0.01, 20);
        int threads = 8;
        int perThread = 10;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                DatabaseRateLimiter replica = t % 2 == 0 ? first : second;
                Callable<Integer> client = () -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (replica.acquire("sub:racer", burstTwenty).allowed()) {
                            allowed++;
                        }
                    }
                    return allowed;
                };
                counts.add(pool.submit(client));
            }
            int allowed = 0;
            for (Future<Integer> count : counts) {
                allowed += count.get(60, TimeUnit.SECONDS);
            }
            assertThat(allowed)
                    .as("80 requests at one instant against a burst of 20")
                    .isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSweepForgetsFullBucketsOnlyAndAClientReturningStartsFull() throws SQLException {
        long realNow = DatabaseRateLimiter.wallClockMicros();
        Limit onePerHundredSecondsBurstTwo = new Limit(0.01, 2);
        // a client last seen an hour ago (its bucket refilled long since) and one seen just now
        nowMicros.set(realNow - TimeUnit.HOURS.toMicros(1));
        replica().acquire("ip:idle", onePerHundredSecondsBurstTwo);
        nowMicros.set(realNow);
        DatabaseRateLimiter replica = replica();
        replica.acquire("ip:active", onePerHundredSecondsBurstTwo);
        replica.acquire("ip:active", onePerHundredSecondsBurstTwo);

        int deleted = sweep.sweepIfLeaseHeld();

        assertThat(deleted)
                .as("rows deleted by the replica holding the sweep lease")
                .isGreaterThanOrEqualTo(1);
        assertThat(keys()).contains("ip:active").doesNotContain("ip:idle");
        assertThat(replica.acquire("ip:active", onePerHundredSecondsBurstTwo).allowed())
                .as("the active client's bucket survived the sweep, still empty")
                .isFalse();
        assertThat(replica.acquire("ip:idle", onePerHundredSecondsBurstTwo).allowed())
                .isTrue();
    }

    @Test
    void aVeryLongClientKeyIsStoredHashedAndStillLimited() throws SQLException {
        DatabaseRateLimiter replica = replica();
        String longSubject = "sub:" + "x".repeat(300);
        Limit one = new Limit(1, 1);

        assertThat(replica.acquire(longSubject, one).allowed()).isTrue();
        assertThat(replica.acquire(longSubject, one).allowed()).isFalse();
        assertThat(keys()).contains(DatabaseRateLimiter.storedKey(longSubject)).doesNotContain(longSubject);
    }

    private List<String> keys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT client_key FROM gateway_rate_limit");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }
}
