package vn.motcua.gateway.digitization;

import com.google.protobuf.UnsafeByteOperations;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.problem.Reasons;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.UploadDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadHeader;

/**
 * One upload: the HTTP request body, read as a reactive stream of buffers, goes out on DocumentService.UploadDocument
 * as chunks of at most {@link #MAX_CHUNK} bytes after the header. Backpressure both ways: the next buffer of the body
 * is requested only when the gRPC call is ready for more (its flow-control window has room), so neither the gateway
 * nor the service holds more than a window of the file. The body's end half-closes the call; a body that fails (the
 * client went away, it ran past the limit) cancels the call, and the service stores nothing.
 */
final class UploadStream implements ClientResponseObserver<UploadDocumentRequest, UploadDocumentResponse> {

    /** The contract's largest chunk (document_service.proto). */
    static final int MAX_CHUNK = 1024 * 1024;

    private final UploadHeader header;
    private final long maxSize;
    private final CompletableFuture<Document> result = new CompletableFuture<>();
    private final Object lock = new Object();

    // guarded by lock
    private ClientCallStreamObserver<UploadDocumentRequest> call;
    private Subscription body;
    /** A buffer of the body was asked for and has not arrived yet. */
    private boolean demanded;
    /** The body ended: completed, failed, or given up by this side. */
    private boolean bodyDone;
    /** The call ended: answered or failed. */
    private boolean callDone;

    private long received;
    private volatile UploadDocumentResponse answer;

    UploadStream(UploadHeader header, long maxSize) {
        this.header = header;
        this.maxSize = maxSize;
    }

    /** The stored document, or the call's failure (a StatusRuntimeException) or a 413 problem. */
    CompletableFuture<Document> result() {
        return result;
    }

    /** Sends the header: call right after the call was started, before subscribing to the body. */
    void sendHeader() {
        synchronized (lock) {
            if (!callDone) {
                call.onNext(UploadDocumentRequest.newBuilder().setHeader(header).build());
            }
        }
    }

    // --- the gRPC call --------------------------------------------------------------------------------------------

    @Override
    public void beforeStart(ClientCallStreamObserver<UploadDocumentRequest> requestStream) {
        synchronized (lock) {
            this.call = requestStream;
        }
        requestStream.setOnReadyHandler(this::pull);
    }

    @Override
    public void onNext(UploadDocumentResponse value) {
        answer = value;
    }

    @Override
    public void onError(Throwable t) {
        Subscription unread;
        synchronized (lock) {
            callDone = true;
            unread = bodyDone ? null : body;
            bodyDone = true;
        }
        // the service refused the file (or went away) before the whole body was read: stop reading it
        if (unread != null) {
            unread.cancel();
        }
        result.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
        synchronized (lock) {
            callDone = true;
        }
        UploadDocumentResponse done = answer;
        if (done == null) {
            result.completeExceptionally(io.grpc.Status.INTERNAL
                    .withDescription("the upload ended without a document")
                    .asRuntimeException());
        } else {
            result.complete(done.getDocument());
        }
    }

    // --- the HTTP body --------------------------------------------------------------------------------------------

    /** The subscriber to give the request body to (once). */
    Subscriber<byte[]> body() {
        return new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscribed(subscription);
            }

            @Override
            public void onNext(byte[] bytes) {
                chunk(bytes);
            }

            @Override
            public void onError(Throwable t) {
                bodyFailed(t);
            }

            @Override
            public void onComplete() {
                bodyComplete();
            }
        };
    }

    private void subscribed(Subscription subscription) {
        boolean late;
        synchronized (lock) {
            late = callDone || bodyDone;
            if (!late) {
                body = subscription;
            }
        }
        if (late) {
            subscription.cancel();
        } else {
            pull();
        }
    }

    /** Asks the body for its next buffer when the call can take one and none is on its way. */
    private void pull() {
        Subscription next;
        synchronized (lock) {
            if (body == null || demanded || bodyDone || callDone || !call.isReady()) {
                return;
            }
            demanded = true;
            next = body;
        }
        next.request(1);
    }

    private void chunk(byte[] bytes) {
        boolean tooLarge = false;
        synchronized (lock) {
            demanded = false;
            if (bodyDone || callDone) {
                return;
            }
            received += bytes.length;
            if (received > maxSize) {
                bodyDone = true;
                tooLarge = true;
            } else {
                for (int at = 0; at < bytes.length; at += MAX_CHUNK) {
                    int length = Math.min(MAX_CHUNK, bytes.length - at);
                    // the array is this method's own copy of the network buffer and is never written again
                    call.onNext(UploadDocumentRequest.newBuilder()
                            .setChunk(UnsafeByteOperations.unsafeWrap(bytes, at, length))
                            .build());
                }
            }
        }
        if (tooLarge) {
            // the answer is decided before the cancellation, whose own failure would otherwise win the race
            result.completeExceptionally(tooLarge());
            body.cancel();
            call.cancel("the file is larger than the upload limit", null);
            return;
        }
        pull();
    }

    private void bodyComplete() {
        synchronized (lock) {
            if (bodyDone) {
                return;
            }
            bodyDone = true;
            if (!callDone) {
                // the end of the body is the end of the file
                call.onCompleted();
            }
        }
    }

    /** The body failed: the client went away or sent more than the limit. Nothing may be stored. */
    private void bodyFailed(Throwable t) {
        ClientCallStreamObserver<UploadDocumentRequest> cancel;
        synchronized (lock) {
            if (bodyDone) {
                return;
            }
            bodyDone = true;
            cancel = callDone ? null : call;
        }
        // decided before the cancellation, whose own failure would otherwise win the race
        result.completeExceptionally(
                t instanceof ContentLengthExceededException || t instanceof BufferLengthExceededException
                        ? tooLarge()
                        : t);
        if (cancel != null) {
            cancel.cancel("the upload's body ended early", t);
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                Reasons.PAYLOAD_TOO_LARGE,
                "the file is larger than the upload limit of " + maxSize + " bytes",
                List.of());
    }
}
