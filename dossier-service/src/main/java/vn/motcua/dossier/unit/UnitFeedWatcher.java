package vn.motcua.dossier.unit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops this replica's {@link UnitDirectory} cache when any replica changes a unit (ADR 0011). Every unit change
 * already commits a unit.* event to this service's change feed in its own transaction (UnitEvents), so each replica
 * follows its own database's feed from the head it found at start: without a lease (every replica must evict) and
 * without a stored cursor (a restarted replica has an empty cache anyway). It reads {@code feed_outbox} directly,
 * not over gRPC: same database, no token.
 * <p>
 * Each look is one primary-key read of {@code feed_counter}; only when the relay has numbered new events does it
 * also look for a unit event among them (a range of the unique seq index). Delay from a commit to the eviction: the
 * relay's pause (100 ms by default; up to a lease duration if the relaying replica died) plus
 * {@code motcua.dossier.unit-cache.follow-interval}. The feed's seq follows commit order (ADR 0001), so no unit
 * event is passed over. Anything unexpected (the counter went back after a restore, events pruned before they were
 * seen) evicts too: a needless reload costs one query.
 */
@Singleton
@Requires(property = "motcua.dossier.unit-cache.follow-enabled", notEquals = "false")
public class UnitFeedWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(UnitFeedWatcher.class);
    private static final TransactionDefinition READ = readCommitted();

    private final TransactionOperations<Connection> tx;
    private final JdbcOperations jdbc;
    private final UnitDirectory directory;
    /** The head seen last; -1 before the first look. */
    private long seenSeq = -1;

    public UnitFeedWatcher(TransactionOperations<Connection> tx, JdbcOperations jdbc, UnitDirectory directory) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    private static TransactionDefinition readCommitted() {
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        definition.setReadOnly(true);
        return definition;
    }

    @Scheduled(
            fixedDelay = "${motcua.dossier.unit-cache.follow-interval:1s}",
            initialDelay = "${motcua.dossier.unit-cache.follow-interval:1s}")
    void scheduled() {
        try {
            followOnce();
        } catch (RuntimeException e) {
            // the TTL still bounds staleness; the next look tries again
            LOG.warn("Unit cache: could not read the change feed: {}", e.toString());
        }
    }

    /**
     * Looks at the feed once.
     *
     * @return true when the cache was dropped (a unit event, the first look, or a feed that went back)
     */
    public synchronized boolean followOnce() {
        return tx.execute(READ, status -> {
            Connection c = jdbc.getConnection();
            try {
                long[] counter = counter(c);
                long head = counter[0];
                long minRetained = counter[1];
                boolean evict;
                if (seenSeq < 0 || head < seenSeq || minRetained > seenSeq + 1) {
                    // first look (something may have changed since the cache was filled), a restored database,
                    // or events pruned before this replica saw them
                    evict = seenSeq < 0 || head != seenSeq;
                } else if (head == seenSeq) {
                    evict = false;
                } else {
                    evict = unitEventBetween(c, seenSeq, head);
                }
                seenSeq = head;
                if (evict) {
                    directory.invalidate();
                }
                return evict;
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the change feed for unit changes", e);
            }
        });
    }

    private static long[] counter(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT last_seq, min_retained_seq FROM feed_counter WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("feed_counter row is missing");
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static boolean unitEventBetween(Connection c, long after, long upTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM feed_outbox" + " WHERE seq > ? AND seq <= ? AND aggregate_type = 'unit' LIMIT 1")) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
