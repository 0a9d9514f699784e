package vn.motcua.report.feed.grpc;

import io.grpc.ManagedChannel;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import vn.motcua.platform.auth.ServiceAccountTokens;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.platform.feed.FeedSubscriber;
import vn.motcua.platform.feed.LeasedFeedFollower;
import vn.motcua.platform.lease.Leases;
import vn.motcua.report.projection.service.ProjectionRebuild;

/**
 * The bean glue every feed report-service follows shares (a subclass per producer names its channel, handler and
 * switch): follow from the moment this service's gRPC server is up until shutdown, while this replica holds the
 * lease {@code feed-consumer:report-service:<source>} ({@link LeasedFeedFollower}), applying runs of up to
 * {@code motcua.report.feeds.batch-size} events per transaction. All report-service's followers use the one consumer
 * name {@value #CONSUMER} in feed_cursor / feed_consumed (event ids are UUIDs, unique across producers), so a
 * rebuild drops exactly this service's positions.
 */
public abstract class FollowedFeed {

    /** Cursor key of report-service's consumers in feed_cursor / feed_consumed. */
    public static final String CONSUMER = ProjectionRebuild.FEED_CONSUMER;

    /** Most events applied in one transaction, unless motcua.report.feeds.batch-size says otherwise. */
    public static final String BATCH_SIZE = "${motcua.report.feeds.batch-size:1000}";

    private final String source;
    private final LeasedFeedFollower follower;

    protected FollowedFeed(
            String source,
            ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            FeedEventHandler handler,
            Leases leases,
            int batchSize) {
        this.source = source;
        this.follower =
                new LeasedFeedFollower(CONSUMER, source, channel, serviceAccount, cursors, handler, leases, batchSize);
    }

    /** The producer's name in feed_cursor.source. */
    public String source() {
        return source;
    }

    @EventListener
    public void start(ServerStartupEvent event) {
        start();
    }

    /** Starts following (again, after {@link #stop()}); a no-op while already started. */
    public void start() {
        follower.start();
    }

    /** The running subscriber, for diagnostics (applied seq, high water, last error); empty without the lease. */
    public Optional<FeedSubscriber> subscriber() {
        return follower.subscriber();
    }

    /**
     * Stops following at the very start of shutdown, while the channel and the database are still there, so the
     * feed thread does not fail against resources being torn down.
     */
    @EventListener
    public void stop(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    public void stop() {
        follower.stop();
    }
}
