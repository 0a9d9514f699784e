package vn.motcua.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.motcua.platform.feed.FeedConfiguration;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedStore;
import vn.motcua.platform.lease.Leases;

/**
 * The change feeds, from the database at each scrape (every replica reports the same values, whichever holds the
 * lease):
 * <ul>
 *   <li>producer ({@code motcua.feed.source} set): {@code motcua_feed_head_seq{source}}, the last seq the relay
 *       numbered, and {@code motcua_feed_outbox_pending{source}}, committed outbox rows the relay has not numbered yet
 *       (counted up to {@link #PENDING_CAP}, so a huge backlog costs a bounded index scan)</li>
 *   <li>consumer (each {@code feed-consumer:<consumer>:<source>} lease this process asks for, i.e. each
 *       LeasedFeedFollower): {@code motcua_feed_cursor_seq{consumer,source}}, the last seq applied</li>
 * </ul>
 * A consumer's lag is the producer's head minus its cursor; the two live in different processes, so Prometheus joins
 * them on {@code source} (the recording rule {@code motcua:feed_lag_events} in deploy/k8s/base/monitoring).
 * A failed read (database away) shows as NaN, never as a plausible number. Registered when the context starts (see
 * {@link LeaseMetrics} why not as a MeterBinder).
 */
@Context
// with the management port only: the gateway has the platform on its classpath but no database (nor leases)
@Requires(property = "motcua.management.port")
public class FeedMetrics {

    static final String HEAD = "motcua.feed.head.seq";
    static final String PENDING = "motcua.feed.outbox.pending";
    static final String CURSOR = "motcua.feed.cursor.seq";
    static final int PENDING_CAP = 100_000;
    private static final String CONSUMER_LEASE = "feed-consumer:";

    private final Optional<String> source;
    private final FeedStore feed;
    private final FeedCursorStore cursors;
    private final JdbcOperations jdbc;
    private final Set<String> consumersBound = ConcurrentHashMap.newKeySet();

    public FeedMetrics(
            FeedConfiguration config,
            FeedStore feed,
            FeedCursorStore cursors,
            JdbcOperations jdbc,
            Leases leases,
            MeterRegistry registry) {
        this.source = Optional.ofNullable(config.getSource()).filter(s -> !s.isBlank());
        this.feed = feed;
        this.cursors = cursors;
        this.jdbc = jdbc;
        source.ifPresent(src -> {
            Gauge.builder(HEAD, feed, f -> f.position().highWater())
                    .description("Last seq numbered on this service's change feed")
                    .tag("source", src)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder(PENDING, this, FeedMetrics::pendingOutboxRows)
                    .description("Committed outbox rows not yet numbered by the feed relay (counted up to "
                            + PENDING_CAP + ")")
                    .tag("source", src)
                    .strongReference(true)
                    .register(registry);
        });
        leases.onEachLease(lease -> {
            String name = lease.name();
            int colon = name.indexOf(':', CONSUMER_LEASE.length());
            if (!name.startsWith(CONSUMER_LEASE) || colon < 0 || !consumersBound.add(name)) {
                return;
            }
            String consumer = name.substring(CONSUMER_LEASE.length(), colon);
            String followed = name.substring(colon + 1);
            Gauge.builder(CURSOR, cursors, c -> c.cursor(consumer, followed))
                    .description("Last seq of the source's change feed applied by this consumer")
                    .tag("consumer", consumer)
                    .tag("source", followed)
                    .strongReference(true)
                    .register(registry);
        });
    }

    @Transactional(readOnly = true)
    public double pendingOutboxRows() {
        try (PreparedStatement ps = jdbc.getConnection()
                        .prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM feed_outbox WHERE seq IS NULL LIMIT "
                                + PENDING_CAP + ") pending");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count unnumbered outbox rows", e);
        }
    }
}
