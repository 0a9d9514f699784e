package vn.motcua.platform.lease;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * The lease table ({@code platform_lease}, migration {@code db/platform/V0_4__lease.sql}): at most one holder per
 * lease name at any instant, because a holder is only ever written by a conditional UPDATE of the one row (the row
 * lock serializes competing UPDATEs, and the second re-checks the condition against the first's committed holder) or
 * by the INSERT that creates the row (the primary key lets one INSERT win).
 * <p>
 * Instants come from this process's clock; see {@link LeaseConfiguration} ({@code clock-tolerance}) for what that
 * asks of the replicas' clocks. Each call is one short transaction of its own.
 */
@Singleton
public class LeaseStore {

    private static final TransactionDefinition OWN_TX = ownTransaction();

    private final TransactionOperations<Connection> tx;
    private final JdbcOperations jdbc;
    private final Supplier<Instant> clock;

    @Inject
    public LeaseStore(TransactionOperations<Connection> tx, JdbcOperations jdbc) {
        this(tx, jdbc, Instant::now);
    }

    /** With another clock: tests move time instead of waiting for it. */
    public LeaseStore(TransactionOperations<Connection> tx, JdbcOperations jdbc, Supplier<Instant> clock) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static TransactionDefinition ownTransaction() {
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        // the condition must see the competitor's committed holder, not a snapshot from before it
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }

    /**
     * Takes the lease if it is free or lapsed, or renews it if {@code holder} holds it: afterwards it is the
     * holder's until now + {@code duration}.
     *
     * @return true when {@code holder} holds the lease now, false when another holder does
     */
    public boolean tryAcquire(String name, String holder, Duration duration) {
        Instant now = clock.get();
        Instant expires = now.plus(duration);
        return tx.execute(OWN_TX, status -> {
            Connection c = jdbc.getConnection();
            try {
                // acquired_at first: MySQL evaluates SET left to right with the new values, H2 with the old ones
                try (PreparedStatement update = c.prepareStatement("UPDATE platform_lease"
                        + " SET acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE ? END, holder = ?,"
                        + " expires_at = ? WHERE name = ? AND (holder = ? OR expires_at <= ?)")) {
                    update.setString(1, holder);
                    UtcTimestamps.bind(update, 2, now);
                    update.setString(3, holder);
                    UtcTimestamps.bind(update, 4, expires);
                    update.setString(5, name);
                    update.setString(6, holder);
                    UtcTimestamps.bind(update, 7, now);
                    if (update.executeUpdate() == 1) {
                        return true;
                    }
                }
                if (exists(c, name)) {
                    return false; // held by another, not lapsed
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO platform_lease (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, holder);
                    UtcTimestamps.bind(insert, 3, now);
                    UtcTimestamps.bind(insert, 4, expires);
                    insert.executeUpdate();
                    return true;
                } catch (SQLIntegrityConstraintViolationException anotherCreatedIt) {
                    return false; // a competitor's INSERT won the primary key
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not acquire lease " + name, e);
            }
        });
    }

    /** Gives the lease up at once (on shutdown) if {@code holder} still holds it, so another need not wait. */
    public void release(String name, String holder) {
        Instant now = clock.get();
        tx.execute(OWN_TX, status -> {
            try (PreparedStatement ps = jdbc.getConnection()
                    .prepareStatement("UPDATE platform_lease SET expires_at = ? WHERE name = ? AND holder = ?"
                            + " AND expires_at > ?")) {
                UtcTimestamps.bind(ps, 1, now);
                ps.setString(2, name);
                ps.setString(3, holder);
                UtcTimestamps.bind(ps, 4, now);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not release lease " + name, e);
            }
        });
    }

    /** The holder of an unexpired lease, for diagnostics and tests. */
    public Optional<String> holder(String name) {
        Instant now = clock.get();
        return tx.execute(OWN_TX, status -> {
            try (PreparedStatement ps = jdbc.getConnection()
                    .prepareStatement("SELECT holder FROM platform_lease WHERE name = ? AND expires_at > ?")) {
                ps.setString(1, name);
                UtcTimestamps.bind(ps, 2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read lease " + name, e);
            }
        });
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM platform_lease WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
