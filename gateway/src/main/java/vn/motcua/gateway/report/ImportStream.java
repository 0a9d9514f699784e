package vn.motcua.gateway.report;

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
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportHeader;

/**
 * One historical import: the HTTP request body, read as a reactive stream of buffers, goes out on
 * ReportService.ImportDossierHistory as chunks of at most {@link #MAX_CHUNK} bytes after the header, as
 * digitization's uploads do (UploadStream). Backpressure both ways: the next buffer of the body is asked for only
 * when the gRPC call is ready for more (its flow-control window has room), so a file of a million rows is never held
 * by the gateway, only a window of it. The body's end half-closes the call; a body that fails (the client went away,
 * it ran past the limit) cancels the call. Rows travel whole or in pieces across chunks: finding lines is the
 * service's, which counts them for its line numbers.
 */
final class ImportStream implements ClientResponseObserver<ImportDossierHistoryRequest, ImportDossierHistoryResponse> {

    /** The contract's largest chunk (report_service.proto, ImportDossierHistoryRequest.chunk). */
    static final int MAX_CHUNK = 1024 * 1024;

    private final ImportHeader header;
    private final long maxSize;
    private final CompletableFuture<ImportDossierHistoryResponse> result = new CompletableFuture<>();
    private final Object lock = new Object();

    // guarded by lock
    private ClientCallStreamObserver<ImportDossierHistoryRequest> call;
    private Subscription body;
    /** A buffer of the body was asked for and has not arrived yet. */
    private boolean demanded;
    /** The body ended: completed, failed, or given up by this side. */
    private boolean bodyDone;
    /** The call ended: answered or failed. */
    private boolean callDone;

    private long received;
    private volatile ImportDossierHistoryResponse answer;

    ImportStream(ImportHeader header, long maxSize) {
        this.header = header;
        this.maxSize = maxSize;
    }

    /** The service's answer, or the call's failure (a StatusRuntimeException) or a 413 problem. */
    CompletableFuture<ImportDossierHistoryResponse> result() {
        return result;
    }

    /** Sends the header: call right after the call was started, before subscribing to the body. */
    void sendHeader() {
        synchronized (lock) {
            if (!callDone) {
                call.onNext(ImportDossierHistoryRequest.newBuilder()
                        .setHeader(header)
                        .build());
            }
        }
    }

    // --- the gRPC call --------------------------------------------------------------------------------------------

    @Override
    public void beforeStart(ClientCallStreamObserver<ImportDossierHistoryRequest> requestStream) {
        synchronized (lock) {
            this.call = requestStream;
        }
        requestStream.setOnReadyHandler(this::pull);
    }

    @Override
    public void onNext(ImportDossierHistoryResponse value) {
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
        // the service refused the import (or went away) before the whole body was read: stop reading it
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
        ImportDossierHistoryResponse done = answer;
        if (done == null) {
            result.completeExceptionally(io.grpc.Status.INTERNAL
                    .withDescription("the import ended without an answer")
                    .asRuntimeException());
        } else {
            result.complete(done);
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
                    call.onNext(ImportDossierHistoryRequest.newBuilder()
                            .setChunk(UnsafeByteOperations.unsafeWrap(bytes, at, length))
                            .build());
                }
            }
        }
        if (tooLarge) {
            // the answer is decided before the cancellation, whose own failure would otherwise win the race
            result.completeExceptionally(tooLarge(maxSize));
            body.cancel();
            call.cancel("the file is larger than the import limit", null);
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

    /** The body failed: the client went away or sent more than the limit. The call is cancelled. */
    private void bodyFailed(Throwable t) {
        ClientCallStreamObserver<ImportDossierHistoryRequest> cancel;
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
                        ? tooLarge(maxSize)
                        : t);
        if (cancel != null) {
            cancel.cancel("the import's body ended early", t);
        }
    }

    static ProblemException tooLarge(long maxSize) {
        return new ProblemException(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                Reasons.PAYLOAD_TOO_LARGE,
                "the file is larger than the import limit of " + maxSize + " bytes",
                List.of());
    }
}
