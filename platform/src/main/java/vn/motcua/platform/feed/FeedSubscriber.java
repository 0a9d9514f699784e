package vn.motcua.platform.feed;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/**
 * Follows one producer's change feed on a background thread: subscribes after the stored cursor, applies each
 * event exactly once through {@link FeedCursorStore}, and reconnects with backoff when the stream ends or fails.
 * Each subscription has a deadline, so a silently dead connection is replaced within that time.
 */
public class FeedSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscriber.class);

    private final String consumer;
    private final String source;
    private final ChangeFeedGrpc.ChangeFeedBlockingStub stub;
    private final FeedCursorStore cursors;
    private final FeedEventHandler handler;
    private final Duration streamDeadline;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long appliedSeq;
    private volatile long highWaterSeen;
    private volatile String lastError;
    private volatile Context.CancellableContext current;

    public FeedSubscriber(
            String consumer,
            String source,
            ChangeFeedGrpc.ChangeFeedBlockingStub stub,
            FeedCursorStore cursors,
            FeedEventHandler handler,
            Duration streamDeadline) {
        this.consumer = consumer;
        this.source = source;
        this.stub = stub;
        this.cursors = cursors;
        this.handler = handler;
        this.streamDeadline = streamDeadline;
        this.thread = new Thread(this::loop, "feed-" + consumer + "-" + source);
        this.thread.setDaemon(true);
    }

    public FeedSubscriber start() {
        thread.start();
        return this;
    }

    /** Last seq whose effect is committed. */
    public long appliedSeq() {
        return appliedSeq;
    }

    public long highWaterSeen() {
        return highWaterSeen;
    }

    public String lastError() {
        return lastError;
    }

    private void loop() {
        long backoffMillis = 250;
        while (running) {
            // each subscription runs in its own cancellable context so close() can end the call at once
            Context.CancellableContext call = Context.current().withCancellation();
            current = call;
            Context previous = call.attach();
            try {
                appliedSeq = cursors.cursor(consumer, source);
                Iterator<SubscribeResponse> stream = stub.withDeadlineAfter(
                                streamDeadline.toMillis(), TimeUnit.MILLISECONDS)
                        .subscribe(SubscribeRequest.newBuilder()
                                .setAfterSeq(appliedSeq)
                                .build());
                while (running && stream.hasNext()) {
                    SubscribeResponse response = stream.next();
                    if (response.hasEvent()) {
                        FeedEvent event = ChangeFeedGrpcService.fromProto(response.getEvent());
                        cursors.applyOnce(consumer, source, event, handler);
                        appliedSeq = event.seq();
                    } else if (response.hasHeartbeat()) {
                        highWaterSeen = response.getHeartbeat().getHighWaterSeq();
                    }
                    backoffMillis = 250;
                    lastError = null;
                }
            } catch (StatusRuntimeException e) {
                if (!running) {
                    break;
                }
                if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                    continue; // planned renewal of the stream
                }
                var info = GrpcErrors.errorInfo(e);
                lastError = e.getStatus().getCode() + (info == null ? "" : " " + info.getReason());
                LOG.warn("Feed {} from {} interrupted: {}", consumer, source, lastError);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                lastError = e.toString();
                LOG.warn("Feed {} from {} failed: {}", consumer, source, e.toString());
                LOG.debug("Feed failure detail", e);
            } finally {
                call.detach(previous);
                call.cancel(null);
            }
            if (!running) {
                break;
            }
            sleep(backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, 30_000);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops following the feed: cancels the open call and waits briefly for the thread to finish. */
    @Override
    public void close() {
        running = false;
        Context.CancellableContext call = current;
        if (call != null) {
            call.cancel(null);
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
