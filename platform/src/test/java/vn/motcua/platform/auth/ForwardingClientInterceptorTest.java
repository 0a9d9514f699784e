package vn.motcua.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;

/** Service-to-service calls carry the caller's token, request id and trace header unchanged. */
class ForwardingClientInterceptorTest {

    private final AtomicReference<Metadata> seen = new AtomicReference<>();
    private Server server;
    private ManagedChannel channel;

    private void startRecordingServer() throws Exception {
        ServerInterceptor recorder = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                seen.set(headers);
                return next.startCall(call, headers);
            }
        };
        String name = "fwd-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(ServerInterceptors.intercept(
                        new DossierServiceGrpc.DossierServiceImplBase() {
                            @Override
                            public void lookupDossierStatus(
                                    LookupDossierStatusRequest request,
                                    StreamObserver<LookupDossierStatusResponse> observer) {
                                observer.onNext(LookupDossierStatusResponse.getDefaultInstance());
                                observer.onCompleted();
                            }
                        },
                        recorder))
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void forwardsCallerTokenRequestIdAndTrace() throws Exception {
        startRecordingServer();
        Caller caller = new Caller(
                "sub", "mc.ngocson", Set.of("reception_officer"), "11077", null, "motcua-gateway", "the.caller.token");
        Context.current()
                .withValue(CallContext.CALLER, caller)
                .withValue(CallContext.REQUEST_ID, "req-7")
                .withValue(CallContext.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .run(() -> DossierServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(new ForwardingClientInterceptor(() -> "fallback"))
                        .lookupDossierStatus(LookupDossierStatusRequest.getDefaultInstance()));

        assertThat(seen.get().get(MetadataKeys.AUTHORIZATION)).isEqualTo("Bearer the.caller.token");
        assertThat(seen.get().get(MetadataKeys.REQUEST_ID)).isEqualTo("req-7");
        assertThat(seen.get().get(MetadataKeys.TRACEPARENT)).startsWith("00-0af7651916cd43dd");
    }

    @Test
    void usesServiceAccountTokenOutsideACallerContext() throws Exception {
        startRecordingServer();
        DossierServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> "service.account.token"))
                .lookupDossierStatus(LookupDossierStatusRequest.getDefaultInstance());

        assertThat(seen.get().get(MetadataKeys.AUTHORIZATION)).isEqualTo("Bearer service.account.token");
    }
}
