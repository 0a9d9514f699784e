package vn.motcua.report.importer.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportRowError;
import vn.motcua.report.importer.domain.ImportFormat;
import vn.motcua.report.importer.domain.ImportHeader;
import vn.motcua.report.importer.domain.ImportResult;
import vn.motcua.report.importer.service.HistoryImports;

/**
 * ImportDossierHistory: a header, then chunks of at most 1 MiB, then the answer once every batch is applied. Messages
 * are asked for one at a time (manual flow control), so a fast client waits for the spool file instead of filling
 * the heap.
 */
@Singleton
public class ImportRpc {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRpc.class);

    private final HistoryImports imports;

    public ImportRpc(HistoryImports imports) {
        this.imports = imports;
    }

    public StreamObserver<ImportDossierHistoryRequest> importDossierHistory(
            StreamObserver<ImportDossierHistoryResponse> responseObserver) {
        ServerCallStreamObserver<ImportDossierHistoryResponse> response =
                (ServerCallStreamObserver<ImportDossierHistoryResponse>) responseObserver;
        Caller caller = CallContext.requireCaller();
        // the call's context is cancelled at once when the client goes away or its deadline passes, while the
        // observer's own flag waits behind the running import on the call's serialized executor
        Context call = Context.current();
        response.disableAutoRequest();
        Receiver receiver = new Receiver(caller, call, response);
        response.setOnCancelHandler(receiver::cutOff);
        response.request(1);
        return receiver;
    }

    /** One import call's inbound side; gRPC calls it one message at a time. */
    private final class Receiver implements StreamObserver<ImportDossierHistoryRequest> {
        private final Caller caller;
        private final Context call;
        private final ServerCallStreamObserver<ImportDossierHistoryResponse> response;
        private HistoryImports.Upload upload;
        private boolean done;

        Receiver(Caller caller, Context call, ServerCallStreamObserver<ImportDossierHistoryResponse> response) {
            this.caller = caller;
            this.call = call;
            this.response = response;
        }

        @Override
        public void onNext(ImportDossierHistoryRequest message) {
            if (done) {
                return;
            }
            try {
                if (upload == null) {
                    if (!message.hasHeader()) {
                        throw DomainException.invalid("header", "the first message must be the header");
                    }
                    upload = imports.begin(caller, header(message.getHeader()));
                } else {
                    if (message.hasHeader()) {
                        throw DomainException.invalid("header", "only the first message is a header");
                    }
                    ByteString chunk = message.getChunk();
                    upload.write(chunk.asReadOnlyByteBuffer());
                }
                response.request(1);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            // cancelled by the client or the transport broke before the half-close: nothing was applied
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
                ImportResult result = imports.complete(upload, call::isCancelled);
                done = true;
                if (!response.isCancelled()) {
                    response.onNext(answer(result));
                    response.onCompleted();
                }
            } catch (HistoryImports.ImportCancelled e) {
                LOG.info("import cut off by its client {}", caller);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void cutOff() {
            if (!done) {
                done = true;
                if (upload != null) {
                    upload.abort();
                }
            }
        }

        private void fail(RuntimeException e) {
            cutOff();
            try {
                response.onError(GrpcErrors.toException(e));
            } catch (RuntimeException alreadyClosed) {
                LOG.debug("import call already closed", alreadyClosed);
            }
        }
    }

    private static ImportHeader header(vn.motcua.proto.report.v1.ImportHeader h) {
        ImportFormat format = switch (h.getFormat()) {
            case IMPORT_FORMAT_JSON_LINES -> ImportFormat.JSON_LINES;
            case IMPORT_FORMAT_CSV -> ImportFormat.CSV;
            default -> null;
        };
        return ImportHeader.checked(h.getUnitCode(), format, h.getRequestId(), h.getBatchSize());
    }

    private static ImportDossierHistoryResponse answer(ImportResult result) {
        ImportDossierHistoryResponse.Builder answer = ImportDossierHistoryResponse.newBuilder()
                .setImportId(result.importId())
                .setRowsRead(result.rowsRead())
                .setRowsImported(result.rowsImported())
                .setRowsRejected(result.rowsRejected())
                .setBatchesApplied(result.batchesApplied())
                .setBatchesRejected(result.batchesRejected());
        result.errors()
                .forEach(e -> answer.addErrors(ImportRowError.newBuilder()
                        .setLine(e.line())
                        .setField(e.field())
                        .setMessage(e.message())));
        return answer.build();
    }
}
