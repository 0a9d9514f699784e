package vn.motcua.digitization.document.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.digitization.document.content.UploadLimits;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.service.DocumentQueries;
import vn.motcua.digitization.document.service.DocumentUploads;
import vn.motcua.digitization.document.service.UploadHeader;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.DownloadDocumentResponse;
import vn.motcua.proto.digitization.v1.GetDocumentRequest;
import vn.motcua.proto.digitization.v1.GetDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadHeader.ScopeCase;

/**
 * motcua.digitization.v1.DocumentService, streamed both ways with gRPC flow control so that neither a fast client
 * nor a slow one makes the service hold a file in memory:
 * <ul>
 *   <li>upload: automatic inbound requests are off; the next message is asked for ({@code request(1)}) only after
 *       the previous chunk is on disk, so at most one chunk per call waits in memory and transport back-pressure
 *       slows the client;</li>
 *   <li>download: a chunk is read from the blob store only while the call {@code isReady()}, resumed by the
 *       on-ready handler, so a slow reader never makes the server queue the file.</li>
 * </ul>
 * Every callback runs on the platform's gRPC worker pool (GrpcWorkerPool), never on an event loop, so the blocking
 * file, blob and JDBC work here is allowed. Errors leave as DomainException statuses (GrpcErrors).
 */
@Singleton
public class DocumentGrpcEndpoint extends DocumentServiceGrpc.DocumentServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentGrpcEndpoint.class);

    private final DocumentUploads uploads;
    private final DocumentQueries queries;

    public DocumentGrpcEndpoint(DocumentUploads uploads, DocumentQueries queries) {
        this.uploads = uploads;
        this.queries = queries;
    }

    @Override
    public StreamObserver<UploadDocumentRequest> uploadDocument(StreamObserver<UploadDocumentResponse> observer) {
        ServerCallStreamObserver<UploadDocumentResponse> response =
                (ServerCallStreamObserver<UploadDocumentResponse>) observer;
        Caller caller = CallContext.requireCaller();
        response.disableAutoRequest();
        UploadReceiver receiver = new UploadReceiver(caller, response);
        response.setOnCancelHandler(receiver::cutOff);
        response.request(1);
        return receiver;
    }

    /** One upload call's inbound side; gRPC calls it one message at a time. */
    private final class UploadReceiver implements StreamObserver<UploadDocumentRequest> {
        private final Caller caller;
        private final ServerCallStreamObserver<UploadDocumentResponse> response;
        private DocumentUploads.Upload upload;
        private boolean done;

        UploadReceiver(Caller caller, ServerCallStreamObserver<UploadDocumentResponse> response) {
            this.caller = caller;
            this.response = response;
        }

        @Override
        public void onNext(UploadDocumentRequest message) {
            if (done) {
                return;
            }
            try {
                if (upload == null) {
                    if (!message.hasHeader()) {
                        throw DomainException.invalid("header", "the first message must be the header");
                    }
                    upload = uploads.begin(caller, header(message.getHeader()));
                } else {
                    if (message.hasHeader()) {
                        throw DomainException.invalid("header", "only the first message is a header");
                    }
                    ByteString chunk = message.getChunk();
                    if (chunk.size() > UploadLimits.CHUNK_SIZE) {
                        throw DomainException.invalid("chunk", "a chunk carries at most 1 MiB");
                    }
                    upload.write(chunk.asReadOnlyByteBuffer());
                }
                response.request(1);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            // cancelled by the client or the transport broke before the half-close: nothing is stored
            cutOff();
        }

        @Override
        public void onCompleted() {
            if (done) {
                return;
            }
            try {
                if (upload == null) {
                    throw DomainException.invalid("header", "the stream ended before the header");
                }
                StoredDocument document = uploads.complete(upload);
                done = true;
                if (!response.isCancelled()) {
                    response.onNext(UploadDocumentResponse.newBuilder()
                            .setDocument(DocumentMessages.document(document))
                            .build());
                    response.onCompleted();
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void cutOff() {
            done = true;
            if (upload != null) {
                upload.abort();
            }
        }

        private void fail(RuntimeException e) {
            cutOff();
            try {
                response.onError(GrpcErrors.toException(e));
            } catch (RuntimeException alreadyClosed) {
                LOG.debug("upload call already closed", alreadyClosed);
            }
        }
    }

    private static UploadHeader header(vn.motcua.proto.digitization.v1.UploadHeader h) {
        UploadScope scope = h.getScopeCase() == ScopeCase.DOSSIER_CODE
                ? new UploadScope(h.getDossierCode(), null)
                : h.getScopeCase() == ScopeCase.CERTIFYING_UNIT_CODE
                        ? new UploadScope(null, h.getCertifyingUnitCode())
                        : null;
        return new UploadHeader(h.getRequestId(), h.getFileName(), scope, h.getDocumentId(), h.getDeclaredSize());
    }

    @Override
    public void getDocument(GetDocumentRequest r, StreamObserver<GetDocumentResponse> observer) {
        StoredDocument document = queries.get(CallContext.requireCaller(), r.getDocumentId());
        observer.onNext(GetDocumentResponse.newBuilder()
                .setDocument(DocumentMessages.document(document))
                .build());
        observer.onCompleted();
    }

    @Override
    public void downloadDocument(DownloadDocumentRequest r, StreamObserver<DownloadDocumentResponse> observer) {
        ServerCallStreamObserver<DownloadDocumentResponse> response =
                (ServerCallStreamObserver<DownloadDocumentResponse>) observer;
        DocumentQueries.Content content = queries.open(CallContext.requireCaller(), r.getDocumentId(), r.getVersion());
        Sender sender = new Sender(content.stream(), response);
        try {
            response.setOnCancelHandler(sender::close);
            response.onNext(DownloadDocumentResponse.newBuilder()
                    .setMetadata(DocumentMessages.version(content.version()))
                    .build());
            // gRPC runs the handler once the call is ready, and again each time it becomes ready after a pause
            response.setOnReadyHandler(sender::onReady);
        } catch (RuntimeException e) {
            // the blob stream is open: a call cancelled before the first message (onNext throws) or any failure
            // before the handlers took it over must not leave it open
            sender.close();
            throw e;
        }
    }

    /** Sends one download's content while the call is ready; a chunk buffer is the only memory it holds. */
    private static final class Sender {
        private final InputStream in;
        private final ServerCallStreamObserver<DownloadDocumentResponse> response;
        private final byte[] buffer = new byte[UploadLimits.CHUNK_SIZE];
        private boolean closed;

        Sender(InputStream in, ServerCallStreamObserver<DownloadDocumentResponse> response) {
            this.in = in;
            this.response = response;
        }

        void onReady() {
            try {
                while (!closed && response.isReady()) {
                    int n = in.readNBytes(buffer, 0, buffer.length);
                    if (n <= 0) {
                        close();
                        response.onCompleted();
                        return;
                    }
                    response.onNext(DownloadDocumentResponse.newBuilder()
                            .setChunk(ByteString.copyFrom(buffer, 0, n))
                            .build());
                }
            } catch (IOException | RuntimeException e) {
                boolean wasClosed = closed;
                close();
                if (!wasClosed) {
                    LOG.error("download failed", e);
                    response.onError(GrpcErrors.toException(e));
                }
            }
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing more to read or send
                }
            }
        }
    }
}
