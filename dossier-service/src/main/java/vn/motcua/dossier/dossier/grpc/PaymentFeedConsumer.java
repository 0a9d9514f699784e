package vn.motcua.dossier.dossier.grpc;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.auth.ServiceAccountTokens;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedSubscriber;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;

/**
 * Follows payment-service's change feed ({@code grpc.channels.payment}) from the moment this service's gRPC server
 * is up until shutdown, while this replica holds the database lease {@value #LEASE} ({@code motcua.lease.*}): with
 * several replicas one follows the feed and another takes over within a lease duration when it stops. Exactly-once
 * does not rest on the lease (FeedCursorStore dedups by event id in the confirmation's transaction); the lease keeps
 * the other replicas from streaming and applying the same events in vain. The feed thread has no caller, so the
 * forwarding interceptor falls back to this service's own client-credentials token ({@code motcua.service-account.*},
 * which payment-service must list in its feed's allowed clients). Switched with {@value #ENABLED}.
 */
@Singleton
@Requires(property = PaymentFeedConsumer.ENABLED, value = "true")
public class PaymentFeedConsumer {

    public static final String ENABLED = "motcua.payment-feed.enabled";
    /** Cursor key of this consumer in feed_cursor / feed_consumed. */
    public static final String CONSUMER = "dossier-service";

    public static final String SOURCE = "payment-service";
    /** A silently dead connection is replaced within this time; a deadline-ended stream simply resubscribes. */
    static final Duration STREAM_DEADLINE = Duration.ofMinutes(5);
    /** The lease of the one replica that follows the feed. */
    public static final String LEASE = "feed-consumer:" + CONSUMER + ":" + SOURCE;

    private static final Logger LOG = LoggerFactory.getLogger(PaymentFeedConsumer.class);

    private final ManagedChannel channel;
    private final ServiceAccountTokens serviceAccount;
    private final FeedCursorStore cursors;
    private final PaymentFeedHandler handler;
    private final Lease lease;
    private final Duration leaseCheck;
    private FeedSubscriber subscriber;
    private ScheduledExecutorService keeper;

    public PaymentFeedConsumer(
            @GrpcChannel("payment") ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            PaymentFeedHandler handler,
            Leases leases) {
        this.channel = channel;
        this.serviceAccount = serviceAccount;
        this.cursors = cursors;
        this.handler = handler;
        this.lease = leases.named(LEASE);
        this.leaseCheck = leases.configuration().getRenewInterval();
    }

    @EventListener
    public void start(ServerStartupEvent event) {
        start();
    }

    /** Starts following (again, after {@link #stop()}); a no-op while already started. */
    public synchronized void start() {
        if (keeper != null) {
            return;
        }
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-lease-" + CONSUMER + "-" + SOURCE);
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
            subscriber = new FeedSubscriber(CONSUMER, SOURCE, stub, cursors, handler, STREAM_DEADLINE).start();
            LOG.info("Following the {} change feed as {} (lease {})", SOURCE, CONSUMER, lease.holder());
        } else if (!held && subscriber != null) {
            LOG.info("Lease {} lost: no longer following the {} change feed", LEASE, SOURCE);
            subscriber.close();
            subscriber = null;
        }
    }

    /** The running subscriber, for diagnostics (applied seq, last error). */
    public synchronized Optional<FeedSubscriber> subscriber() {
        return Optional.ofNullable(subscriber);
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
    public synchronized void stop() {
        if (keeper != null) {
            keeper.shutdownNow();
            keeper = null;
        }
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
            // another replica may follow at once instead of after the lease lapses
            lease.release();
        }
    }
}
