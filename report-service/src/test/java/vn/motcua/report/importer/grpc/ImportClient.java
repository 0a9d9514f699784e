package vn.motcua.report.importer.grpc;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportFormat;
import vn.motcua.proto.report.v1.ImportHeader;
import vn.motcua.proto.report.v1.ReportServiceGrpc;

/** Sends an import over real gRPC under flow control: the header, then chunks only while the call is ready. */
final class ImportClient {

    static final int MIB = 1024 * 1024;

    private final ManagedChannel channel;

    ImportClient(ManagedChannel channel) {
        this.channel = channel;
    }

    static ImportHeader header(String unit, ImportFormat format, String requestId, int batchSize) {
        return ImportHeader.newBuilder()
                .setUnitCode(unit)
                .setFormat(format)
                .setRequestId(requestId)
                .setBatchSize(batchSize)
                .build();
    }

    ImportDossierHistoryResponse send(String token, ImportHeader header, String file) {
        return send(token, header, file.getBytes(StandardCharsets.UTF_8));
    }

    ImportDossierHistoryResponse send(String token, ImportHeader header, byte[] file) {
        List<ImportDossierHistoryRequest> messages = new ArrayList<>();
        messages.add(ImportDossierHistoryRequest.newBuilder().setHeader(header).build());
        for (int i = 0; i < file.length; i += MIB) {
            messages.add(chunk(ByteString.copyFrom(file, i, Math.min(MIB, file.length - i))));
        }
        return send(token, messages.iterator());
    }

    static ImportDossierHistoryRequest chunk(ByteString bytes) {
        return ImportDossierHistoryRequest.newBuilder().setChunk(bytes).build();
    }

    /** Any sequence of messages (a header first or not), then the half-close. */
    ImportDossierHistoryResponse send(String token, Iterator<ImportDossierHistoryRequest> messages) {
        FlowControlledImport call = new FlowControlledImport(messages);
        ReportServiceGrpc.newStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(10, TimeUnit.MINUTES)
                .importDossierHistory(call);
        try {
            return call.result.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class FlowControlledImport
            implements ClientResponseObserver<ImportDossierHistoryRequest, ImportDossierHistoryResponse> {
        final CompletableFuture<ImportDossierHistoryResponse> result = new CompletableFuture<>();
        private final Iterator<ImportDossierHistoryRequest> messages;
        private ClientCallStreamObserver<ImportDossierHistoryRequest> requests;
        private boolean finished;
        private ImportDossierHistoryResponse response;

        FlowControlledImport(Iterator<ImportDossierHistoryRequest> messages) {
            this.messages = messages;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<ImportDossierHistoryRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(this::pump);
        }

        private synchronized void pump() {
            while (!finished && requests.isReady()) {
                if (messages.hasNext()) {
                    requests.onNext(messages.next());
                } else {
                    finished = true;
                    requests.onCompleted();
                }
            }
        }

        @Override
        public void onNext(ImportDossierHistoryResponse value) {
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
