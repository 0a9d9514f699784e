package vn.motcua.platform.feed;

import com.google.protobuf.Timestamp;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.feed.v1.ChangeEvent;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.Heartbeat;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/**
 * {@code motcua.feed.v1.ChangeFeed/Subscribe}: streams outbox events after the consumer's cursor, polling the
 * outbox, with heartbeats carrying the high-water seq. Served by every service that sets {@code motcua.feed.source}.
 */
@Singleton
@Requires(property = "motcua.feed.source")
public class ChangeFeedGrpcService extends ChangeFeedGrpc.ChangeFeedImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedGrpcService.class);

    private final FeedStore store;
    private final FeedConfiguration config;
    private final Clock clock;
    private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "change-feed");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeFeedGrpcService(FeedStore store, FeedConfiguration config) {
        this.store = store;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void subscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> responseObserver) {
        Caller caller = CallContext.requireCaller();
        if (!config.getAllowedClients().contains(caller.clientId())) {
            throw DomainException.permissionDenied("client " + caller.clientId() + " may not read this change feed");
        }
        if (request.getAfterSeq() < 0) {
            throw DomainException.invalid("after_seq", "must be 0 or a seq received before");
        }
        FeedStore.Position position = store.position();
        if (request.getAfterSeq() + 1 < position.minRetained()) {
            throw new DomainException(
                    ErrorKind.OUT_OF_RANGE,
                    ErrorReason.CURSOR_EXPIRED,
                    "events after " + request.getAfterSeq() + " are no longer retained; rebuild from seq "
                            + (position.minRetained() - 1),
                    java.util.Map.of("min_retained_seq", Long.toString(position.minRetained())),
                    List.of());
        }
        int batch = request.getBatchSize() <= 0
                ? config.getMaxBatch()
                : Math.min(request.getBatchSize(), config.getMaxBatch());
        ServerCallStreamObserver<SubscribeResponse> observer =
                (ServerCallStreamObserver<SubscribeResponse>) responseObserver;
        new Subscription(observer, request.getAfterSeq(), batch).start();
    }

    /**
     * Ends every open stream with UNAVAILABLE as the server begins to stop. The gRPC server's graceful shutdown waits
     * for running calls, and a subscription never ends by itself: without this a replica whose followers are still
     * up (a rolling update, a scale-down) waits out the whole termination grace and is killed, keeping its leases
     * until they lapse. The followers reconnect at once, to another replica where there is one.
     */
    @EventListener
    void onServerShutdown(ServerShutdownEvent event) {
        for (Subscription subscription : List.copyOf(open)) {
            subscription.endForShutdown();
        }
    }

    @PreDestroy
    void shutdown() {
        onServerShutdown(null);
        scheduler.shutdownNow();
    }

    private final class Subscription implements Runnable {
        private final ServerCallStreamObserver<SubscribeResponse> observer;
        private final int batch;
        private long cursor;
        private Instant lastHeartbeat = Instant.EPOCH;
        private volatile ScheduledFuture<?> task;
        private volatile boolean closed;

        Subscription(ServerCallStreamObserver<SubscribeResponse> observer, long afterSeq, int batch) {
            this.observer = observer;
            this.cursor = afterSeq;
            this.batch = batch;
        }

        void start() {
            open.add(this);
            observer.setOnCancelHandler(this::stop);
            task = scheduler.scheduleWithFixedDelay(
                    this, 0, config.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }

        private void stop() {
            closed = true;
            open.remove(this);
            ScheduledFuture<?> running = task;
            if (running != null) {
                running.cancel(false);
            }
        }

        /** Synchronized with {@link #run}: a stream observer must not be called from two threads at once. */
        synchronized void endForShutdown() {
            if (closed) {
                return;
            }
            stop();
            try {
                observer.onError(GrpcErrors.toException(DomainException.unavailable(
                        ErrorReason.DOWNSTREAM_UNAVAILABLE, "the feed's server is stopping")));
            } catch (RuntimeException ignored) {
                // the client went away at the same moment
            }
        }

        @Override
        public synchronized void run() {
            if (closed || observer.isCancelled()) {
                stop();
                return;
            }
            try {
                // keep polling only while the client keeps up (transport flow control)
                while (observer.isReady()) {
                    List<FeedEvent> events = store.readAfter(cursor, batch, config.getSource());
                    for (FeedEvent event : events) {
                        observer.onNext(SubscribeResponse.newBuilder()
                                .setEvent(toProto(event))
                                .build());
                        cursor = event.seq();
                    }
                    if (events.size() < batch) {
                        break;
                    }
                }
                Instant now = clock.instant();
                if (!now.isBefore(lastHeartbeat.plus(config.getHeartbeatInterval()))) {
                    lastHeartbeat = now;
                    observer.onNext(SubscribeResponse.newBuilder()
                            .setHeartbeat(Heartbeat.newBuilder()
                                    .setHighWaterSeq(store.position().highWater())
                                    .setAt(timestamp(now)))
                            .build());
                }
            } catch (RuntimeException e) {
                if (closed || observer.isCancelled()) {
                    return;
                }
                LOG.warn("Change feed subscription failed at seq {}", cursor, e);
                stop();
                try {
                    observer.onError(GrpcErrors.toException(
                            DomainException.unavailable(ErrorReason.DOWNSTREAM_UNAVAILABLE, "feed read failed")));
                } catch (RuntimeException ignored) {
                    // the stream is already gone
                }
            }
        }
    }

    static ChangeEvent toProto(FeedEvent event) {
        ChangeEvent.Builder builder = ChangeEvent.newBuilder()
                .setEventId(event.eventId())
                .setSeq(event.seq())
                .setSource(event.source() == null ? "" : event.source())
                .setAggregateType(event.aggregateType())
                .setAggregateId(event.aggregateId())
                .setEventType(event.eventType())
                .setOccurredAt(timestamp(event.occurredAt()))
                .setPayload(event.payload());
        if (event.unitCode() != null) {
            builder.setUnitCode(event.unitCode());
        }
        return builder.build();
    }

    static FeedEvent fromProto(ChangeEvent event) {
        return new FeedEvent(
                event.getEventId(),
                event.getSeq(),
                event.getSource(),
                event.getAggregateType(),
                event.getAggregateId(),
                event.getEventType(),
                Instant.ofEpochSecond(
                        event.getOccurredAt().getSeconds(),
                        event.getOccurredAt().getNanos()),
                event.getUnitCode().isEmpty() ? null : event.getUnitCode(),
                event.getPayload());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
