package vn.motcua.platform.feed;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * Numbers committed outbox rows (ADR 0006). Business transactions insert events with seq NULL; this relay takes the
 * rows that have become visible, oldest id first, and gives them the next seqs of {@code feed_counter} in one short
 * transaction of its own.
 * <p>
 * Why this keeps ADR 0001's invariant (a reader of {@code seq > cursor} sees seqs 1..N without gaps and never misses
 * a late commit): a row is numbered only once its transaction has committed (the relay reads at READ COMMITTED), a
 * batch's seqs and the counter's new value commit together, and the counter row is locked FOR UPDATE for the
 * batch, so two relays (two replicas of a service) serialize and the second one re-reads what is still unnumbered
 * after the first has committed. A transaction that commits late is numbered by a later batch, after everything
 * already numbered; a rolled-back one left no row. The cost is latency: an event reaches readers up to one relay
 * interval after its commit.
 * <p>
 * Runs in every process that serves a feed ({@code motcua.feed.source}); {@code motcua.feed.relay-enabled=false}
 * switches it off (then {@link #relayOnce} must be called by someone else). With several replicas, only the one
 * holding the database lease {@code feed-relay:<source>} ({@link Leases}) relays; the others wait and take over
 * within a lease duration when it dies. The lease only spares them polling for the counter lock: correctness rests
 * on the lock alone, so two relays for a moment (a holder paused past its lease) are harmless.
 */
@Singleton
@Requires(property = "motcua.feed.source")
public class FeedRelay {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRelay.class);

    private static final TransactionDefinition RELAY_TX = relayTransaction();
    private static final long FAILURE_PAUSE_MILLIS = 1000;

    private final TransactionOperations<Connection> tx;
    private final JdbcOperations jdbc;
    private final FeedConfiguration config;
    private final Lease lease;
    private final long leaseRetryMillis;
    private volatile Thread worker;
    private volatile boolean stopping;

    public FeedRelay(
            TransactionOperations<Connection> tx, JdbcOperations jdbc, FeedConfiguration config, Leases leases) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.config = config;
        this.lease = leases.named("feed-relay:" + config.getSource());
        this.leaseRetryMillis = leases.configuration().getRenewInterval().toMillis();
    }

    /** The lease that decides which replica relays. */
    public Lease lease() {
        return lease;
    }

    private static TransactionDefinition relayTransaction() {
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        // each statement sees the latest commits: rows committed while the relay waited for the counter lock count
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.isRelayEnabled() || worker != null) {
            return;
        }
        Thread thread = new Thread(this::loop, "feed-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
            lease.release();
        }
    }

    private void loop() {
        boolean failing = false;
        while (!stopping) {
            long pauseMillis;
            if (!lease.held()) {
                // another replica relays; look again when this one would next try to take the lease
                if (!pause(leaseRetryMillis)) {
                    return;
                }
                continue;
            }
            try {
                int numbered = relayOnce();
                pauseMillis = numbered >= config.getRelayBatch()
                        ? 0
                        : numbered > 0
                                ? config.getRelayInterval().toMillis()
                                : config.getRelayIdleInterval().toMillis();
                if (failing) {
                    LOG.info("Feed relay recovered");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                // one warning per outage (the database away, or dropped under a test), then retry each second
                if (!failing) {
                    LOG.warn("Feed relay failed; retrying every second until it recovers", e);
                    failing = true;
                } else {
                    LOG.debug("Feed relay still failing", e);
                }
                pauseMillis = FAILURE_PAUSE_MILLIS;
            }
            if (!pause(pauseMillis)) {
                return;
            }
        }
    }

    /** Sleeps; false when interrupted (shutting down). */
    private static boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Numbers up to {@code relay-batch} committed unnumbered rows in one transaction.
     *
     * @return how many rows were numbered
     */
    public int relayOnce() {
        if (!hasUnnumbered()) {
            return 0;
        }
        return tx.execute(RELAY_TX, status -> {
            Connection c = jdbc.getConnection();
            try {
                long last;
                try (PreparedStatement lock =
                                c.prepareStatement("SELECT last_seq FROM feed_counter WHERE id = 1 FOR UPDATE");
                        ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("feed_counter row is missing: was the platform migration run?");
                    }
                    last = rs.getLong(1);
                }
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement pending =
                        c.prepareStatement("SELECT id FROM feed_outbox WHERE seq IS NULL ORDER BY id LIMIT ?")) {
                    pending.setInt(1, config.getRelayBatch());
                    try (ResultSet rs = pending.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return 0;
                }
                try (PreparedStatement number =
                        c.prepareStatement("UPDATE feed_outbox SET seq = ? WHERE id = ? AND seq IS NULL")) {
                    for (long id : ids) {
                        number.setLong(1, ++last);
                        number.setLong(2, id);
                        number.addBatch();
                    }
                    for (int updated : number.executeBatch()) {
                        if (updated != 1 && updated != java.sql.Statement.SUCCESS_NO_INFO) {
                            // only a relay holding the counter lock numbers rows, so this cannot happen
                            throw new IllegalStateException("an outbox row was numbered concurrently");
                        }
                    }
                }
                try (PreparedStatement advance =
                        c.prepareStatement("UPDATE feed_counter SET last_seq = ? WHERE id = 1")) {
                    advance.setLong(1, last);
                    advance.executeUpdate();
                }
                return ids.size();
            } catch (SQLException e) {
                throw new IllegalStateException("could not number the change feed", e);
            }
        });
    }

    /** A cheap look without locks, so an idle relay does not take the counter lock every few milliseconds. */
    private boolean hasUnnumbered() {
        return tx.execute(RELAY_TX, status -> {
            try (PreparedStatement ps = jdbc.getConnection()
                            .prepareStatement("SELECT id FROM feed_outbox WHERE seq IS NULL LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            } catch (SQLException e) {
                throw new IllegalStateException("could not look for unnumbered events", e);
            }
        });
    }
}
