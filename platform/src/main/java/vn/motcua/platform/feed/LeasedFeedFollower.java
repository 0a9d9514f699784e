package vn.motcua.platform.feed;

import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.auth.ServiceAccountTokens;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;

/**
 * Follows another service's change feed while this replica holds the database lease
 * {@code feed-consumer:<consumer>:<source>} ({@code motcua.lease.*}): with several replicas one follows the feed and
 * another takes over within a lease duration when it stops. Exactly-once does not rest on the lease (FeedCursorStore
 * dedups by event id in the handler's transaction); the lease keeps the other replicas from streaming and applying
 * the same events in vain. The feed thread has no caller, so the forwarding interceptor falls back to the service's
 * own client-credentials token, which the producer must list in its feed's allowed clients.
 *
 * <p>One home for the lease loop of every consumer: each service's consumer bean only names the channel, the
 * handler and when to start and stop.
 */
public final class LeasedFeedFollower {

    /** A silently dead connection is replaced within this time; a deadline-ended stream simply resubscribes. */
    public static final Duration STREAM_DEADLINE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(LeasedFeedFollower.class);

    private final String consumer;
    private final String source;
    private final ManagedChannel channel;
    private final ServiceAccountTokens serviceAccount;
    private final FeedCursorStore cursors;
    private final FeedEventHandler handler;
    private final Lease lease;
    private final Duration leaseCheck;
    private final int maxBatch;
    private FeedSubscriber subscriber;
    private ScheduledExecutorService keeper;

    public LeasedFeedFollower(
            String consumer,
            String source,
            ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            FeedEventHandler handler,
            Leases leases) {
        this(consumer, source, channel, serviceAccount, cursors, handler, leases, 1);
    }

    /**
     * @param maxBatch most events applied in one transaction (see {@link FeedSubscriber}); 1, the default, applies
     *                 each event in its own
     */
    public LeasedFeedFollower(
            String consumer,
            String source,
            ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            FeedEventHandler handler,
            Leases leases,
            int maxBatch) {
        // checked here, at start-up, not first when the lease is won and the subscriber is made
        if (maxBatch < 1) {
            throw new IllegalArgumentException(
                    "the batch size of " + consumer + " on " + source + "'s feed must be at least 1, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.consumer = consumer;
        this.source = source;
        this.channel = channel;
        this.serviceAccount = serviceAccount;
        this.cursors = cursors;
        this.handler = handler;
        this.lease = leases.named(leaseName(consumer, source));
        this.leaseCheck = leases.configuration().getRenewInterval();
    }

    /** The lease of the one replica that follows {@code source}'s feed as {@code consumer}. */
    public static String leaseName(String consumer, String source) {
        return "feed-consumer:" + consumer + ":" + source;
    }

    /** Starts following (again, after {@link #stop()}); a no-op while already started. */
    public synchronized void start() {
        if (keeper != null) {
            return;
        }
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-lease-" + consumer + "-" + source);
            t.setDaemon(true);
            return t;
        });
        // at once, then every renew-interval: Lease.held() renews, or takes the lease when it lapsed
        keeper.scheduleWithFixedDelay(this::followWhileHeld, 0, leaseCheck.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void followWhileHeld() {
        if (keeper == null) {
            return; // stopped
        }
        boolean held = lease.held();
        if (held && subscriber == null) {
            ChangeFeedGrpc.ChangeFeedBlockingStub stub = ChangeFeedGrpc.newBlockingStub(channel)
                    .withInterceptors(new ForwardingClientInterceptor(serviceAccount));
            subscriber =
                    new FeedSubscriber(consumer, source, stub, cursors, handler, STREAM_DEADLINE, maxBatch).start();
            LOG.info("Following the {} change feed as {} (lease {})", source, consumer, lease.holder());
        } else if (!held && subscriber != null) {
            LOG.info("Lease {} lost: no longer following the {} change feed", lease.name(), source);
            subscriber.close();
            subscriber = null;
        }
    }

    /** The running subscriber, for diagnostics (applied seq, last error). */
    public synchronized Optional<FeedSubscriber> subscriber() {
        return Optional.ofNullable(subscriber);
    }

    /** Stops following and releases the lease, so another replica may follow at once instead of after it lapses. */
    public synchronized void stop() {
        if (keeper != null) {
            keeper.shutdownNow();
            keeper = null;
        }
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
            lease.release();
        }
    }
}
