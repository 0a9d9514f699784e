package vn.motcua.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by every gateway replica ({@code motcua.gateway.rate-limit.store: database}, ADR 0011): each
 * client's bucket is one row of {@code gateway_rate_limit} in the gateway's own database, so a client spreading its
 * requests over N replicas still gets one allowance, not N.
 * <p>
 * The bucket is the generic cell rate algorithm's "theoretical arrival time" (tat), equivalent to
 * {@link TokenBucket} with the same rate and burst: with T = 1 / rate, a request at {@code now} is admitted when
 * {@code max(tat, now) + T - now <= burst * T}, and then {@code tat = max(tat, now) + T}. Storing a time instead of a
 * token count makes the decision one conditional UPDATE of the row ({@code tat <= now + (burst - 1) * T}), which
 * the row lock serializes between replicas: no read-modify-write, no lost update. An admitted request of a known
 * client costs exactly that UPDATE in a short transaction of its own; a refusal adds a SELECT (for Retry-After), a
 * client's first request an INSERT. A row whose tat has passed is a full bucket: {@link RateLimitSweep} deletes it.
 * <p>
 * Times are microseconds of this replica's wall clock: replicas whose clocks differ by d give a client who switches
 * between them up to d * rate requests more or fewer, which NTP keeps negligible. Limits changed in a rolling update
 * apply at once to every stored bucket (the row holds a time, not a count).
 * <p>
 * If the database cannot answer (no connection within the pool's connection-timeout, a statement past
 * {@code database-timeout}), this replica decides with its in-memory {@link RateLimiter} until it can, logs a warning
 * at most once a minute and counts {@code motcua_gateway_rate_limit_fallback_total}: an outage of the gateway's own
 * database must not refuse every request, nor let every request through unlimited.
 * {@link Decision#remaining()} is not known without reading the row back and is reported as 0 (nothing uses it).
 */
@Singleton
@Primary
@Requires(property = "motcua.gateway.rate-limit.store", value = "database", defaultValue = "database")
public class DatabaseRateLimiter implements ClientLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRateLimiter.class);
    private static final TransactionDefinition OWN_TX = ownTransaction();
    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** Client keys are token subjects and addresses; a longer one (an odd identity provider) is stored hashed. */
    static final int MAX_KEY = 160;

    private static final int ATTEMPTS = 5;

    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final TransactionOperations<Connection> tx;
    private final JdbcOperations jdbc;
    private final RateLimiter fallback;
    private final LongSupplier micros;
    private final int queryTimeoutSeconds;
    private final Counter fallbacks;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @Inject
    public DatabaseRateLimiter(
            TransactionOperations<Connection> tx,
            JdbcOperations jdbc,
            RateLimiter fallback,
            @Nullable MeterRegistry meters,
            @Value("${motcua.gateway.rate-limit.database-timeout:1s}") Duration databaseTimeout) {
        this(tx, jdbc, fallback, DatabaseRateLimiter::wallClockMicros, databaseTimeout, meters);
    }

    /** For tests: a hand-moved clock in microseconds since the epoch, and no metrics registry if null. */
    public DatabaseRateLimiter(
            TransactionOperations<Connection> tx,
            JdbcOperations jdbc,
            RateLimiter fallback,
            LongSupplier micros,
            Duration databaseTimeout,
            MeterRegistry meters) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.fallback = fallback;
        this.micros = micros;
        this.queryTimeoutSeconds = (int) Math.max(1, (databaseTimeout.toMillis() + 999) / 1000);
        this.fallbacks = meters == null
                ? null
                : Counter.builder("motcua.gateway.rate_limit.fallback")
                        .description("rate-limit decisions taken by this replica's memory because the gateway"
                                + " database could not answer")
                        .register(meters);
    }

    private static TransactionDefinition ownTransaction() {
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        // the SELECT after a refused UPDATE must see a competitor's committed row, not a snapshot from before it
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }

    static long wallClockMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    @Override
    public Decision acquire(String clientKey, Limit limit) {
        try {
            return acquireInDatabase(storedKey(clientKey), limit);
        } catch (RuntimeException e) {
            if (fallbacks != null) {
                fallbacks.increment();
            }
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warn(
                        "Rate limits: the gateway database did not answer ({}); this replica limits on its own until"
                                + " it does",
                        e.toString());
            }
            return fallback.acquire(clientKey, limit);
        }
    }

    private Decision acquireInDatabase(String key, Limit limit) {
        long now = micros.getAsLong();
        long interval = intervalMicros(limit);
        // the latest tat that still admits one more request: max(tat, now) + T - now <= burst * T
        long latest = now + (limit.burst() - 1L) * interval;
        // a competitor may create the row or the sweep delete it between the steps: then look again, in a new
        // transaction, so that the shared lock a refused INSERT leaves on the row is gone before our UPDATE wants it
        // (two such transactions upgrading their shared locks would deadlock)
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Decision decision = tx.execute(OWN_TX, status -> {
                Connection c = jdbc.getConnection();
                try {
                    if (admit(c, key, now, interval, latest)) {
                        return Decision.allowed(0);
                    }
                    OptionalLong tat = tat(c, key);
                    if (tat.isPresent()) {
                        return tat.getAsLong() > latest
                                ? Decision.denied(TimeUnit.MICROSECONDS.toNanos(tat.getAsLong() - latest))
                                : null; // changed since the UPDATE: admit it now
                    }
                    return insert(c, key, now + interval) ? Decision.allowed(0) : null;
                } catch (SQLException e) {
                    throw new IllegalStateException("rate-limit store failed for " + key, e);
                }
            });
            if (decision != null) {
                return decision;
            }
        }
        throw new IllegalStateException("rate-limit row " + key + " kept changing under " + ATTEMPTS + " attempts");
    }

    private boolean admit(Connection c, String key, long now, long interval, long latest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gateway_rate_limit"
                + " SET tat_micros = GREATEST(tat_micros, ?) + ? WHERE client_key = ? AND tat_micros <= ?")) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setLong(1, now);
            ps.setLong(2, interval);
            ps.setString(3, key);
            ps.setLong(4, latest);
            return ps.executeUpdate() == 1;
        }
    }

    private OptionalLong tat(Connection c, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT tat_micros FROM gateway_rate_limit WHERE client_key = ?")) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private boolean insert(Connection c, String key, long tat) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO gateway_rate_limit (client_key, tat_micros) VALUES (?, ?)")) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setString(1, key);
            ps.setLong(2, tat);
            ps.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException anotherReplicaCreatedIt) {
            return false;
        }
    }

    /**
     * Deletes the buckets that are full at {@code olderThanMicros} (their tat has passed): forgetting them loses
     * nothing, a client's next request starts a full bucket again.
     *
     * @return rows deleted
     */
    int deleteFull(long olderThanMicros) {
        return tx.execute(OWN_TX, status -> {
            try (PreparedStatement ps =
                    jdbc.getConnection().prepareStatement("DELETE FROM gateway_rate_limit WHERE tat_micros < ?")) {
                ps.setLong(1, olderThanMicros);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not delete full rate-limit buckets", e);
            }
        });
    }

    long nowMicros() {
        return micros.getAsLong();
    }

    /** T, the time one request uses up: whole microseconds, at least one. */
    static long intervalMicros(Limit limit) {
        return Math.max(1L, Math.round(MICROS_PER_SECOND / limit.requestsPerSecond()));
    }

    static String storedKey(String clientKey) {
        if (clientKey.length() <= MAX_KEY) {
            return clientKey;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(clientKey.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
