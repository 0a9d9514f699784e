package vn.motcua.dossier.it.workflow;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.platform.auth.MetadataKeys;
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

    private static final Context.Key<String> AUTHORIZATION = Context.key("fake-authorization");

    final List<Call> calls = new CopyOnWriteArrayList<>();

    private final Map<String, DossierResult> results = new ConcurrentHashMap<>();
    private final AtomicReference<Status> failNext = new AtomicReference<>();
    private final Server server;

    private FakeDigitizationService() {
        ServerInterceptor authorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                Context context = Context.current().withValue(AUTHORIZATION, headers.get(MetadataKeys.AUTHORIZATION));
                return Contexts.interceptCall(context, call, headers, next);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(new Digitization(), authorization))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeDigitizationService start() {
        return new FakeDigitizationService();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
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
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Digitization extends DigitizationServiceGrpc.DigitizationServiceImplBase {
        @Override
        public void getDossierDigitization(
                GetDossierDigitizationRequest r, StreamObserver<GetDossierDigitizationResponse> observer) {
            calls.add(new Call(
                    r.getDossierCode(), AUTHORIZATION.get(), Context.current().getDeadline() != null));
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
