package vn.motcua.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;

/**
 * The lease table on MariaDB (throwaway database, the platform migrations): at most one holder at any time, also
 * when many replicas race for a free or a lapsed lease; a holder keeps it by renewing; a lapsed lease is taken
 * over. Time is moved on a test clock, never waited for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseLeaseIT implements TestPropertyProvider {

    private static final Duration DURATION = Duration.ofSeconds(10);
    private static final int RACERS = 16;
    private static final int ROUNDS = 25;

    private final TestDatabase db = TestDatabase.create("lease");
    private final TestIdentityProvider idp = TestIdentityProvider.start();

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    JdbcOperations jdbc;

    @Inject
    Leases leases;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties("classpath:db/platform"));
        props.putAll(idp.authProperties());
        // every held() goes to the database, so the two views below meet the table at each call
        props.put("motcua.lease.renew-interval", "0s");
        return props;
    }

    @AfterAll
    void cleanUp() {
        idp.close();
        db.close();
    }

    /** A clock the test moves. */
    private static final class TestClock implements Supplier<Instant> {
        private final AtomicReference<Instant> now =
                new AtomicReference<>(Instant.parse("2026-12-07T01:00:00.000001Z"));

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant get() {
            return now.get();
        }
    }

    @Test
    void ofSixteenReplicasRacingForAFreeOrALapsedLeaseExactlyOneGetsIt() throws Exception {
        TestClock clock = new TestClock();
        LeaseStore store = new LeaseStore(tx, jdbc, clock);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // even rounds: a lease nobody took yet (the racers' INSERTs meet on the primary key);
                // odd rounds: the previous round's lease after it lapsed (their UPDATEs meet on the row)
                String name = "race-" + (round - round % 2);
                if (round % 2 == 1) {
                    clock.advance(DURATION.plusMillis(1));
                }
                CyclicBarrier start = new CyclicBarrier(RACERS);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int r = 0; r < RACERS; r++) {
                    String holder = "replica-" + round + "-" + r;
                    tries.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return store.tryAcquire(name, holder, DURATION);
                    }));
                }
                List<String> winners = new ArrayList<>();
                for (int r = 0; r < RACERS; r++) {
                    if (tries.get(r).get(60, TimeUnit.SECONDS)) {
                        winners.add("replica-" + round + "-" + r);
                    }
                }
                assertThat(winners).as("round " + round).hasSize(1);
                assertThat(store.holder(name)).as("round " + round).contains(winners.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHolderKeepsItsLeaseByRenewingAndAnotherTakesItOnlyOnceItLapses() {
        TestClock clock = new TestClock();
        LeaseStore store = new LeaseStore(tx, jdbc, clock);
        String name = "relay-like";

        assertThat(store.tryAcquire(name, "a", DURATION)).isTrue();
        clock.advance(Duration.ofSeconds(6));
        assertThat(store.tryAcquire(name, "b", DURATION)).isFalse();
        assertThat(store.tryAcquire(name, "a", DURATION)).as("renewal").isTrue(); // now until +16 s
        clock.advance(Duration.ofSeconds(9)); // +15 s: past the first expiry, not the renewed one
        assertThat(store.tryAcquire(name, "b", DURATION)).isFalse();
        assertThat(store.holder(name)).contains("a");

        clock.advance(Duration.ofSeconds(10)); // a stopped renewing: lapsed
        assertThat(store.holder(name)).isEmpty();
        assertThat(store.tryAcquire(name, "b", DURATION)).as("take-over").isTrue();
        assertThat(store.tryAcquire(name, "a", DURATION))
                .as("the old holder comes back")
                .isFalse();
        assertThat(store.holder(name)).contains("b");
    }

    @Test
    void releasingFreesTheLeaseOnlyForItsOwnHolder() {
        TestClock clock = new TestClock();
        LeaseStore store = new LeaseStore(tx, jdbc, clock);
        String name = "released";

        assertThat(store.tryAcquire(name, "a", DURATION)).isTrue();
        store.release(name, "b"); // not b's to give up
        assertThat(store.tryAcquire(name, "b", DURATION)).isFalse();
        store.release(name, "a");
        assertThat(store.tryAcquire(name, "b", DURATION)).isTrue();
        assertThat(store.holder(name)).contains("b");
    }

    @Test
    void twoReplicasViewsOfOneLeaseNeverBothHoldItAndTheSecondTakesOverAfterARelease() {
        Lease first = leases.named("views", "replica-1");
        Lease second = leases.named("views", "replica-2");

        assertThat(first.held()).isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(second.held()).isFalse();
            assertThat(first.held()).isTrue();
        }
        first.release();
        assertThat(second.held())
                .as("taken at its next try, not after the lease lapses")
                .isTrue();
        assertThat(first.held()).isFalse();
    }
}
