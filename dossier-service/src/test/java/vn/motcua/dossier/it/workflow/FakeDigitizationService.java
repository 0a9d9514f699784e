package vn.motcua.dossier.it.workflow;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.DossierDigitization;
import vn.motcua.proto.digitization.v1.DossierResult;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationResponse;
import vn.motcua.proto.digitization.v1.SignatureReport;
import vn.motcua.proto.digitization.v1.SignatureVerdict;

/**
 * A test double of digitization-service at dossier-service's boundary (the real one runs in the system tests): a gRPC
 * server on a loopback port with DigitizationService/GetDossierDigitization, answering the result a test attached to
 * a dossier (none by default), recording every call with its token and deadline. Knob: fail the next call.
 */
final class FakeDigitizationService implements AutoCloseable {

    /** One GetDossierDigitization as it arrived. */
    record Call(String dossierCode, String authorization, boolean hadDeadline) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();

    private final Map<String, DossierResult> results = new ConcurrentHashMap<>();
    private final AtomicReference<Status> failNext = new AtomicReference<>();
    private final LoopbackGrpcServer server;

    private FakeDigitizationService() {
        server = new LoopbackGrpcServer(new Digitization());
    }

    static FakeDigitizationService start() {
        return new FakeDigitizationService();
    }

    String address() {
        return server.address();
    }

    /** The dossier's result is this document, its signature verified with this verdict. */
    void attach(String dossierCode, String documentId, SignatureVerdict verdict) {
        results.put(
                dossierCode,
                DossierResult.newBuilder()
                        .setDocumentId(documentId)
                        .setSignature(
                                SignatureReport.newBuilder().setVerdict(verdict).setSummary("kiểm thử"))
                        .build());
    }

    /** The next GetDossierDigitization fails with this status. */
    void failNext(Status status) {
        failNext.set(status);
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Digitization extends DigitizationServiceGrpc.DigitizationServiceImplBase {
        @Override
        public void getDossierDigitization(
                GetDossierDigitizationRequest r, StreamObserver<GetDossierDigitizationResponse> observer) {
            calls.add(
                    new Call(r.getDossierCode(), LoopbackGrpcServer.authorization(), LoopbackGrpcServer.hadDeadline()));
            Status failure = failNext.getAndSet(null);
            if (failure != null) {
                observer.onError(failure.asRuntimeException());
                return;
            }
            DossierDigitization.Builder d = DossierDigitization.newBuilder().setDossierCode(r.getDossierCode());
            DossierResult result = results.get(r.getDossierCode());
            if (result != null) {
                d.setResult(result);
            }
            observer.onNext(GetDossierDigitizationResponse.newBuilder()
                    .setDigitization(d)
                    .build());
            observer.onCompleted();
        }
    }
}
