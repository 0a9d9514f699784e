package vn.motcua.report.feed.grpc;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import vn.motcua.platform.auth.ServiceAccountTokens;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.LeasedFeedFollower;
import vn.motcua.platform.lease.Leases;

/**
 * Follows dossier-service's change feed (grpc.channels.dossier): dossiers, units, catalogue, feedback. Disabled with
 * {@code motcua.report.consume-dossier-feed: false}.
 */
@Singleton
@Requires(property = DossierFeedConsumer.ENABLED, notEquals = "false")
public class DossierFeedConsumer extends FollowedFeed {

    public static final String ENABLED = "motcua.report.consume-dossier-feed";
    /** Cursor key of this consumer in feed_cursor / feed_consumed. */
    public static final String CONSUMER = FollowedFeed.CONSUMER;

    public static final String SOURCE = "dossier-service";

    /** The lease of the one replica that follows the feed. */
    public static final String LEASE = LeasedFeedFollower.leaseName(CONSUMER, SOURCE);

    public DossierFeedConsumer(
            @GrpcChannel("dossier") ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            DossierFeedHandler handler,
            Leases leases,
            @Value(BATCH_SIZE) int batchSize) {
        super(SOURCE, channel, serviceAccount, cursors, handler, leases, batchSize);
    }
}
