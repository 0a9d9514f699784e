package vn.motcua.gateway.digitization;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.DownloadDocumentResponse;

/**
 * One download: DocumentService.DownloadDocument's server stream as the HTTP response body. The call's first message
 * (the version's metadata) is awaited before the response is committed, so a refusal is still a problem+json; after
 * it, a chunk is asked of the service only when the HTTP side asked for one (manual gRPC flow control), so a slow
 * client slows the service down instead of filling the gateway's heap. A client that goes away cancels the call.
 */
final class DownloadStream
        implements ClientResponseObserver<DownloadDocumentRequest, DownloadDocumentResponse>, Publisher<byte[]> {

    /**
     * Chunks asked of the service ahead of delivery at most: even a subscriber that asks for everything at once gets
     * them one window at a time (two chunks of at most 1 MiB), never the whole file into the heap.
     */
    static final int MAX_IN_FLIGHT = 2;

    private final CompletableFuture<DocumentVersion> metadata = new CompletableFuture<>();
    private final Object lock = new Object();

    // guarded by lock
    private ClientCallStreamObserver<DownloadDocumentRequest> call;
    private Subscriber<? super byte[]> subscriber;
    /** The call ended before anyone subscribed: delivered on subscription. */
    private boolean completed;
    /** Chunks the subscriber asked for and has not received. */
    private long demand;
    /** Chunks asked of the service and not yet received. */
    private int inFlight;

    private Throwable failure;

    /** Waits for the version's metadata, the call's first message; the call's failure is thrown as it came. */
    DocumentVersion awaitMetadata(Duration timeout) {
        try {
            return metadata.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw Status.INTERNAL.withCause(e.getCause()).asRuntimeException();
        } catch (TimeoutException e) {
            cancel("no answer in time");
            throw Status.DEADLINE_EXCEEDED.asRuntimeException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("interrupted");
            throw Status.CANCELLED.asRuntimeException();
        }
    }

    /** Gives up the call (the response will not be sent). */
    void cancel(String why) {
        ClientCallStreamObserver<DownloadDocumentRequest> c;
        synchronized (lock) {
            c = call;
        }
        if (c != null) {
            c.cancel(why, null);
        }
    }

    // --- the gRPC call --------------------------------------------------------------------------------------------

    @Override
    public void beforeStart(ClientCallStreamObserver<DownloadDocumentRequest> requestStream) {
        synchronized (lock) {
            call = requestStream;
        }
        // only the metadata for now: chunks are requested as the HTTP side asks for them
        requestStream.disableAutoRequestWithInitial(1);
    }

    @Override
    public void onNext(DownloadDocumentResponse value) {
        if (value.hasMetadata()) {
            if (!metadata.complete(value.getMetadata())) {
                fail(Status.INTERNAL
                        .withDescription("a second metadata message")
                        .asRuntimeException());
            }
            return;
        }
        Subscriber<? super byte[]> s;
        synchronized (lock) {
            s = subscriber;
            inFlight = Math.max(0, inFlight - 1);
            demand = Math.max(0, demand - 1);
        }
        if (s == null) {
            // a chunk nobody asked for: the service broke flow control or sent chunks before metadata
            fail(Status.INTERNAL.withDescription("a chunk before the metadata").asRuntimeException());
            return;
        }
        s.onNext(value.getChunk().toByteArray());
        topUp();
    }

    /** Asks the service for as many chunks as the subscriber wants, at most {@link #MAX_IN_FLIGHT} ahead. */
    private void topUp() {
        ClientCallStreamObserver<DownloadDocumentRequest> c;
        int ask;
        synchronized (lock) {
            c = call;
            ask = (int) Math.min(demand - inFlight, MAX_IN_FLIGHT - inFlight);
            if (ask <= 0 || c == null) {
                return;
            }
            inFlight += ask;
        }
        c.request(ask);
    }

    @Override
    public void onError(Throwable t) {
        if (metadata.completeExceptionally(t)) {
            return;
        }
        Subscriber<? super byte[]> s;
        synchronized (lock) {
            failure = t;
            s = subscriber;
        }
        if (s != null) {
            s.onError(t);
        }
    }

    @Override
    public void onCompleted() {
        if (metadata.completeExceptionally(
                new StatusRuntimeException(Status.INTERNAL.withDescription("the download ended without metadata")))) {
            return;
        }
        Subscriber<? super byte[]> s;
        synchronized (lock) {
            completed = true;
            s = subscriber;
        }
        if (s != null) {
            s.onComplete();
        }
    }

    private void fail(StatusRuntimeException e) {
        cancel(e.getStatus().getDescription());
        onError(e);
    }

    // --- the HTTP response body -----------------------------------------------------------------------------------

    @Override
    public void subscribe(Subscriber<? super byte[]> s) {
        boolean twice;
        boolean done;
        Throwable failed;
        synchronized (lock) {
            twice = subscriber != null;
            if (!twice) {
                subscriber = s;
            }
            done = completed;
            failed = failure;
        }
        if (twice) {
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
            });
            s.onError(new IllegalStateException("a download has one subscriber"));
            return;
        }
        s.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    return;
                }
                synchronized (lock) {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                topUp();
            }

            @Override
            public void cancel() {
                DownloadStream.this.cancel("the client went away");
            }
        });
        if (failed != null) {
            s.onError(failed);
        } else if (done) {
            s.onComplete();
        }
    }
}
