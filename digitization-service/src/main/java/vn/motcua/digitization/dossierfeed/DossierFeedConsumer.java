package vn.motcua.digitization.dossierfeed;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import vn.motcua.platform.auth.ServiceAccountTokens;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedSubscriber;
import vn.motcua.platform.feed.LeasedFeedFollower;
import vn.motcua.platform.lease.Leases;

/**
 * Follows dossier-service's change feed ({@code grpc.channels.dossier}) from the moment this service's gRPC server
 * is up until shutdown, while this replica holds the lease {@value #LEASE} (see {@link LeasedFeedFollower}); its own
 * service-account token ({@code motcua.service-account.*}, client motcua-digitization-service) must be in
 * dossier-service's feed allowed clients. Switched with {@value #ENABLED}.
 */
@Singleton
@Requires(property = DossierFeedConsumer.ENABLED, value = "true")
public class DossierFeedConsumer {

    public static final String ENABLED = "motcua.digitization.dossier-feed.enabled";
    /** Cursor key of this consumer in feed_cursor / feed_consumed. */
    public static final String CONSUMER = "digitization-service";

    public static final String SOURCE = "dossier-service";

    /**
     * Most events applied in one transaction. Nearly every dossier event is read past here (only a result issued
     * writes), so event by event the follower paid a commit per reception anywhere in the province for nothing
     * (issue 9 measured 1.2 ms of this service's CPU per reception); a run shares one commit and one cursor update.
     */
    public static final String BATCH_SIZE = "${motcua.digitization.dossier-feed.batch-size:500}";

    /** The lease of the one replica that follows the feed. */
    public static final String LEASE = LeasedFeedFollower.leaseName(CONSUMER, SOURCE);

    private final LeasedFeedFollower follower;

    public DossierFeedConsumer(
            @GrpcChannel("dossier") ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            DossierFeedHandler handler,
            Leases leases,
            @Value(BATCH_SIZE) int batchSize) {
        this.follower =
                new LeasedFeedFollower(CONSUMER, SOURCE, channel, serviceAccount, cursors, handler, leases, batchSize);
    }

    @EventListener
    public void start(ServerStartupEvent event) {
        start();
    }

    /** Starts following (again, after {@link #stop()}); a no-op while already started. */
    public void start() {
        follower.start();
    }

    /** The running subscriber, for diagnostics (applied seq, last error). */
    public Optional<FeedSubscriber> subscriber() {
        return follower.subscriber();
    }

    /** Stops following at the very start of shutdown, while the channel and the database are still there. */
    @EventListener
    public void stop(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    public void stop() {
        follower.stop();
    }
}
