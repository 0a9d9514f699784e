package vn.motcua.digitization.document.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.digitization.document.service.DocumentQueries;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.DownloadDocumentResponse;

class DocumentGrpcEndpointTest {

    private static final StoredVersion VERSION = new StoredVersion(
            1, "a".repeat(64), 3, "application/pdf", 1, Instant.EPOCH, "someone", VersionOrigin.UPLOADED);

    @Test
    void aDownloadCancelledBeforeItsFirstMessageClosesTheBlobStream() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayInputStream blob = new ByteArrayInputStream(new byte[3]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        DocumentQueries queries = new DocumentQueries(null, null, null) {
            @Override
            public Content open(Caller caller, String documentId, int version) {
                StoredDocument doc = new StoredDocument(
                        documentId,
                        "a.pdf",
                        UploadScope.dossier("HS-1"),
                        Instant.EPOCH,
                        "someone",
                        "sub",
                        false,
                        List.of(VERSION));
                return new Content(doc, VERSION, blob);
            }
        };
        DocumentGrpcEndpoint endpoint = new DocumentGrpcEndpoint(null, queries);
        Caller caller = new Caller("sub", "someone", Set.of("specialist"), "11077", null, null, "t");

        assertThatThrownBy(() -> Context.current()
                        .withValue(CallContext.CALLER, caller)
                        .run(() -> endpoint.downloadDocument(
                                DownloadDocumentRequest.newBuilder()
                                        .setDocumentId("DOC-1")
                                        .build(),
                                new CancelledCall())))
                .hasMessageContaining("cancelled");
        assertThat(closed).isTrue();
    }

    /** A call the client cancelled already: sending throws, as grpc-java's does. */
    private static final class CancelledCall extends ServerCallStreamObserver<DownloadDocumentResponse> {
        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {}

        @Override
        public void setCompression(String compression) {}

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {}

        @Override
        public void disableAutoInboundFlowControl() {}

        @Override
        public void request(int count) {}

        @Override
        public void setMessageCompression(boolean enable) {}

        @Override
        public void onNext(DownloadDocumentResponse value) {
            throw Status.CANCELLED.withDescription("call already cancelled").asRuntimeException();
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }
}
