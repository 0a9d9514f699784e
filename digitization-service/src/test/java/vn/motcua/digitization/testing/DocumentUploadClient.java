package vn.motcua.digitization.testing;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.DownloadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadHeader;

/**
 * A test's client of the real DocumentService over a plaintext channel: uploads sent in chunks of at most 1 MiB with
 * client-side flow control (only while the call is ready), as a well-behaved client would, and whole downloads.
 * Documents get into every digitization test this way, through the same inspection and storage as production.
 */
public final class DocumentUploadClient {

    public static final int MIB = 1024 * 1024;

    private final ManagedChannel channel;

    public DocumentUploadClient(ManagedChannel channel) {
        this.channel = channel;
    }

    public static Metadata auth(String token) {
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return headers;
    }

    public DocumentServiceGrpc.DocumentServiceBlockingStub blocking(String token) {
        return DocumentServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth(token)));
    }

    public DocumentServiceGrpc.DocumentServiceStub async(String token) {
        return DocumentServiceGrpc.newStub(channel)
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth(token)));
    }

    /** A header for a file of a dossier. */
    public static UploadHeader.Builder forDossier(String dossierCode, String fileName) {
        return UploadHeader.newBuilder().setDossierCode(dossierCode).setFileName(fileName);
    }

    /** A header for an original presented at a unit's desk (to be certified). */
    public static UploadHeader.Builder forUnit(String unitCode, String fileName) {
        return UploadHeader.newBuilder().setCertifyingUnitCode(unitCode).setFileName(fileName);
    }

    /** Uploads {@code content} in 1 MiB chunks; throws the call's StatusRuntimeException on failure. */
    public Document upload(String token, UploadHeader header, byte[] content) {
        List<ByteString> chunks = new ArrayList<>();
        for (int i = 0; i < content.length; i += MIB) {
            chunks.add(ByteString.copyFrom(content, i, Math.min(MIB, content.length - i)));
        }
        return upload(token, header, chunks.iterator());
    }

    public Document upload(String token, UploadHeader header, Iterator<ByteString> chunks) {
        FlowControlledUpload call = new FlowControlledUpload(header, chunks);
        async(token).uploadDocument(call);
        try {
            return call.result.get(120, TimeUnit.SECONDS).getDocument();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of one version (0: the latest), as the service streams them. */
    public byte[] content(String token, String documentId, int version) {
        Iterator<DownloadDocumentResponse> parts = blocking(token)
                .downloadDocument(DownloadDocumentRequest.newBuilder()
                        .setDocumentId(documentId)
                        .setVersion(version)
                        .build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.next(); // the version's metadata
        parts.forEachRemaining(p -> out.writeBytes(p.getChunk().toByteArray()));
        return out.toByteArray();
    }

    /** One version downloaded into {@code target}. */
    public Path download(String token, String documentId, int version, Path target) {
        try {
            return Files.write(target, content(token, documentId, version));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the header, then chunks while the call is ready, then half-closes. */
    static final class FlowControlledUpload
            implements ClientResponseObserver<UploadDocumentRequest, UploadDocumentResponse> {
        final CompletableFuture<UploadDocumentResponse> result = new CompletableFuture<>();
        private final UploadHeader header;
        private final Iterator<ByteString> chunks;
        private ClientCallStreamObserver<UploadDocumentRequest> requests;
        private boolean headerSent;
        private boolean finished;
        private UploadDocumentResponse response;

        FlowControlledUpload(UploadHeader header, Iterator<ByteString> chunks) {
            this.header = header;
            this.chunks = chunks;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<UploadDocumentRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(this::pump);
        }

        private synchronized void pump() {
            while (!finished && requests.isReady()) {
                if (!headerSent) {
                    headerSent = true;
                    requests.onNext(
                            UploadDocumentRequest.newBuilder().setHeader(header).build());
                } else if (chunks.hasNext()) {
                    requests.onNext(UploadDocumentRequest.newBuilder()
                            .setChunk(chunks.next())
                            .build());
                } else {
                    finished = true;
                    requests.onCompleted();
                }
            }
        }

        @Override
        public void onNext(UploadDocumentResponse value) {
            response = value;
        }

        @Override
        public void onError(Throwable t) {
            synchronized (this) {
                finished = true;
            }
            result.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            result.complete(response);
        }
    }
}
