package vn.motcua.platform.feed;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * <p>
 * With a {@code maxBatch} above 1 the events waiting in the stream are applied in runs of up to that many, one
 * transaction each ({@link FeedCursorStore#applyBatch}): a reader thread drains the stream into a bounded queue (which
 * also bounds memory: a full queue stops reading, and gRPC flow control stops the producer), and the applying thread
 * takes whatever is there, so an event arriving alone is applied at once and a backlog in large runs. In that mode
 * the subscriber also follows its cursor back when it is rewound (a rebuild from seq 0): the batch that finds the
 * stored cursor behind what it applied, or the next heartbeat, makes it subscribe again from the stored cursor.
 * After a failed run, the events up to the failed run's last seq are retried one by one, so the error names the
 * event that fails and every event before it is applied.
 */
public class FeedSubscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscriber.class);

    private final String consumer;
    private final String source;
    private final ChangeFeedGrpc.ChangeFeedBlockingStub stub;
    private final FeedCursorStore cursors;
    private final FeedEventHandler handler;
    private final Duration streamDeadline;
    private final int maxBatch;
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
        this(consumer, source, stub, cursors, handler, streamDeadline, 1);
    }

    /** @param maxBatch most events applied in one transaction; 1 applies each event in its own */
    public FeedSubscriber(
            String consumer,
            String source,
            ChangeFeedGrpc.ChangeFeedBlockingStub stub,
            FeedCursorStore cursors,
            FeedEventHandler handler,
            Duration streamDeadline,
            int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.consumer = consumer;
        this.source = source;
        this.stub = stub;
        this.cursors = cursors;
        this.handler = handler;
        this.streamDeadline = streamDeadline;
        this.thread = new Thread(maxBatch == 1 ? this::loop : this::batchLoop, "feed-" + consumer + "-" + source);
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

    /** A reader thread's end of stream: completed (null) or failed. */
    private record StreamEnd(RuntimeException failure) {}

    private void batchLoop() {
        long backoffMillis = 250;
        // the seqs of the last failed run, retried one event at a time
        long oneByOneFrom = 0;
        long oneByOneUntil = 0;
        while (running) {
            Context.CancellableContext call = Context.current().withCancellation();
            current = call;
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2 * maxBatch + 2);
            Thread reader = null;
            boolean rewound = false;
            try {
                appliedSeq = cursors.cursor(consumer, source);
                if (appliedSeq < oneByOneFrom - 1) {
                    // the cursor went back behind the failed run (a rebuild): replay in runs again
                    oneByOneFrom = 0;
                    oneByOneUntil = 0;
                }
                long after = appliedSeq;
                reader = new Thread(() -> read(call, after, queue), "feed-read-" + consumer + "-" + source);
                reader.setDaemon(true);
                reader.start();
                List<Object> items = new ArrayList<>(maxBatch);
                List<FeedEvent> run = new ArrayList<>(maxBatch);
                boolean open = true;
                while (running && open) {
                    items.clear();
                    items.add(queue.take());
                    queue.drainTo(items, maxBatch - 1);
                    for (Object item : items) {
                        if (item instanceof SubscribeResponse response && response.hasEvent()) {
                            run.add(ChangeFeedGrpcService.fromProto(response.getEvent()));
                            long seq = run.get(run.size() - 1).seq();
                            if (run.size() >= maxBatch || (seq >= oneByOneFrom && seq <= oneByOneUntil)) {
                                applyRun(run);
                            }
                            continue;
                        }
                        applyRun(run);
                        if (item instanceof SubscribeResponse response) {
                            if (response.hasHeartbeat()) {
                                highWaterSeen = response.getHeartbeat().getHighWaterSeq();
                                long stored = cursors.cursor(consumer, source);
                                if (stored < appliedSeq) {
                                    throw new FeedCursorRewoundException(consumer, source, stored, appliedSeq);
                                }
                            }
                        } else if (item instanceof StreamEnd end) {
                            open = false;
                            if (end.failure() != null) {
                                throw end.failure();
                            }
                            break;
                        }
                    }
                    applyRun(run);
                    backoffMillis = 250;
                    lastError = null;
                }
            } catch (FeedCursorRewoundException e) {
                LOG.info("Feed {} from {}: {}", consumer, source, e.getMessage());
                rewound = true;
                oneByOneFrom = 0;
                oneByOneUntil = 0;
            } catch (StatusRuntimeException e) {
                if (!running) {
                    break;
                }
                if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                    continue; // planned renewal of the stream (the finally ends the reader)
                }
                var info = GrpcErrors.errorInfo(e);
                lastError = e.getStatus().getCode() + (info == null ? "" : " " + info.getReason());
                LOG.warn("Feed {} from {} interrupted: {}", consumer, source, lastError);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (e instanceof FailedRun failed) {
                    oneByOneFrom = failed.firstSeq;
                    oneByOneUntil = failed.lastSeq;
                    e = failed.cause;
                }
                lastError = e.toString();
                LOG.warn("Feed {} from {} failed: {}", consumer, source, e.toString());
                LOG.debug("Feed failure detail", e);
            } finally {
                call.cancel(null);
                if (reader != null) {
                    // a reader blocked on the full queue is not reached by the cancellation
                    reader.interrupt();
                    try {
                        reader.join(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
            }
            if (!running) {
                break;
            }
            if (!rewound) {
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 30_000);
            }
        }
    }

    /** Applies and empties the run; a failure carries the run's last seq (see the one-by-one retry). */
    private void applyRun(List<FeedEvent> run) {
        if (run.isEmpty()) {
            return;
        }
        long last = run.get(run.size() - 1).seq();
        try {
            cursors.applyBatch(consumer, source, appliedSeq, run, handler);
        } catch (FeedCursorRewoundException e) {
            throw e;
        } catch (RuntimeException e) {
            throw run.size() > 1 ? new FailedRun(run.get(0).seq(), last, e) : e;
        }
        appliedSeq = last;
        run.clear();
    }

    /** A run of several events failed: retry those seqs one by one. */
    private static final class FailedRun extends RuntimeException {
        final long firstSeq;
        final long lastSeq;
        final RuntimeException cause;

        FailedRun(long firstSeq, long lastSeq, RuntimeException cause) {
            super(cause.toString(), cause, false, false);
            this.firstSeq = firstSeq;
            this.lastSeq = lastSeq;
            this.cause = cause;
        }
    }

    /** The reader thread: the stream's messages into the queue, then how the stream ended. */
    private void read(Context.CancellableContext call, long afterSeq, BlockingQueue<Object> queue) {
        Context previous = call.attach();
        StreamEnd end = new StreamEnd(null);
        try {
            Iterator<SubscribeResponse> stream = stub.withDeadlineAfter(
                            streamDeadline.toMillis(), TimeUnit.MILLISECONDS)
                    .subscribe(
                            SubscribeRequest.newBuilder().setAfterSeq(afterSeq).build());
            while (stream.hasNext()) {
                queue.put(stream.next());
            }
        } catch (RuntimeException e) {
            end = new StreamEnd(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            call.detach(previous);
        }
        if (!call.isCancelled()) {
            try {
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
