package vn.motcua.report.importer.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;

/** Historical import (helper: importer). Placeholder until its helper lands. */
@Singleton
public class ImportRpc {

    public StreamObserver<ImportDossierHistoryRequest> importDossierHistory(
            StreamObserver<ImportDossierHistoryResponse> responseObserver) {
        responseObserver.onError(Status.UNIMPLEMENTED
                .withDescription("ImportDossierHistory is not built yet")
                .asRuntimeException());
        return new StreamObserver<>() {
            @Override
            public void onNext(ImportDossierHistoryRequest value) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
        };
    }
}
