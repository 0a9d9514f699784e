package vn.motcua.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorMappingServerInterceptor;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;
import vn.motcua.proto.report.v1.CountDailyReceptionsResponse;
import vn.motcua.proto.report.v1.DailyReceptionCount;
import vn.motcua.proto.report.v1.ReportServiceGrpc;

/** The server interceptor admits only valid Keycloak-shaped tokens and exposes the caller to handlers. */
class AuthServerInterceptorTest {

    private static TestIdentityProvider idp;
    private static Server server;
    private static ManagedChannel channel;

    /** Echoes the caller back so the test can see what the interceptor put into the Context. */
    static class CallerEcho extends ReportServiceGrpc.ReportServiceImplBase {
        @Override
        public void countDailyReceptions(
                CountDailyReceptionsRequest request, StreamObserver<CountDailyReceptionsResponse> observer) {
            if ("boom".equals(request.getUnitCode())) {
                throw new IllegalStateException("secret internal detail");
            }
            if ("rule".equals(request.getUnitCode())) {
                throw DomainException.illegalTransition("RECEIVED", "RETURNED", "RETURN_RESULT");
            }
            Caller caller = CallContext.requireCaller();
            observer.onNext(CountDailyReceptionsResponse.newBuilder()
                    .addRows(DailyReceptionCount.newBuilder()
                            .setUnitCode(String.valueOf(caller.unitCode()))
                            .setDate(caller.username() + "|"
                                    + String.join(
                                            ",",
                                            caller.roles().stream().sorted().toList()) + "|" + caller.clientId() + "|"
                                    + CallContext.requestId().orElse("")))
                    .build());
            observer.onCompleted();
        }
    }

    static class PublicLookup extends DossierServiceGrpc.DossierServiceImplBase {
        @Override
        public void lookupDossierStatus(
                LookupDossierStatusRequest request, StreamObserver<LookupDossierStatusResponse> observer) {
            observer.onNext(LookupDossierStatusResponse.newBuilder()
                    .setCode(request.getCode())
                    .setProcedureName(CallContext.caller().map(Caller::username).orElse("anonymous"))
                    .build());
            observer.onCompleted();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        idp = TestIdentityProvider.start();
        AuthConfiguration config = new AuthConfiguration();
        config.setIssuer(idp.issuer());
        config.setPublicMethods(List.of("motcua.dossier.v1.DossierService/LookupDossierStatus"));
        AuthServerInterceptor auth = new AuthServerInterceptor(new JwtValidator(config), config);
        ErrorMappingServerInterceptor errors = new ErrorMappingServerInterceptor();
        String name = "auth-" + UUID.randomUUID();
        // ServerInterceptors.intercept runs the last interceptor first: auth outermost, as in the services
        server = InProcessServerBuilder.forName(name)
                .directExecutor()
                .addService(ServerInterceptors.intercept(new CallerEcho(), errors, auth))
                .addService(ServerInterceptors.intercept(new PublicLookup(), errors, auth))
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.shutdownNow();
        idp.close();
    }

    private static ReportServiceGrpc.ReportServiceBlockingStub report(String authorization) {
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(MetadataKeys.AUTHORIZATION, authorization);
        }
        headers.put(MetadataKeys.REQUEST_ID, "req-42");
        return ReportServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static CountDailyReceptionsResponse call(String authorization, String unit) {
        return report(authorization)
                .countDailyReceptions(CountDailyReceptionsRequest.newBuilder()
                        .setUnitCode(unit)
                        .build());
    }

    @Test
    void validTokenExposesUnitRolesClientAndRequestId() {
        String token = idp.officer("mc.ngocson", "11077", "reception_officer");

        DailyReceptionCount row = call("Bearer " + token, "").getRows(0);

        assertThat(row.getUnitCode()).isEqualTo("11077");
        assertThat(row.getDate()).isEqualTo("mc.ngocson|reception_officer|motcua-gateway|req-42");
    }

    @Test
    void citizenIdIsReadFromTheToken() {
        String token = idp.citizen("congdan.an", "030090001234");
        Caller caller = JwtValidator.toCaller(parse(token), token);
        assertThat(caller.citizenId()).isEqualTo("030090001234");
        assertThat(caller.roles()).containsExactly("citizen");
        assertThat(caller.unitCode()).isNull();
    }

    @Test
    void missingTokenIsUnauthenticatedWithReason() {
        assertUnauthenticated(null, "TOKEN_MISSING");
    }

    @Test
    void expiredTokenIsRejected() {
        JWTClaimsSet claims = idp.claims("x", Set.of("specialist"), "11077", null, "motcua-gateway")
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build();
        assertUnauthenticated("Bearer " + idp.sign(claims), "TOKEN_INVALID");
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() {
        JWTClaimsSet claims = idp.claims("x", Set.of("specialist"), "11077", null, "motcua-gateway")
                .issuer("http://127.0.0.1:1/realms/other")
                .build();
        assertUnauthenticated("Bearer " + idp.sign(claims), "TOKEN_INVALID");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        JWTClaimsSet claims = idp.claims("x", Set.of("specialist"), "11077", null, "motcua-gateway")
                .audience("account")
                .build();
        assertUnauthenticated("Bearer " + idp.sign(claims), "TOKEN_INVALID");
    }

    @Test
    void tokenSignedWithAnUnpublishedKeyIsRejected() {
        JWTClaimsSet claims = idp.claims("x", Set.of("unit_admin"), "30", null, "motcua-gateway")
                .build();
        assertUnauthenticated("Bearer " + idp.signWithStrangerKey(claims), "TOKEN_INVALID");
    }

    @Test
    void garbageAndNonBearerCredentialsAreRejected() {
        assertUnauthenticated("Bearer not.a.jwt", "TOKEN_INVALID");
        assertUnauthenticated("Basic dXNlcjpwYXNz", "TOKEN_INVALID");
        assertUnauthenticated("Bearer ", "TOKEN_INVALID");
    }

    @Test
    void publicMethodAnswersWithoutToken() {
        LookupDossierStatusResponse response = DossierServiceGrpc.newBlockingStub(channel)
                .lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                        .setCode("H30-261127-0001")
                        .build());
        assertThat(response.getProcedureName()).isEqualTo("anonymous");
    }

    @Test
    void publicMethodStillRejectsABadToken() {
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer forged");
        assertThatThrownBy(() -> DossierServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                        .lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                                .setCode("x")
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void domainExceptionBecomesStatusWithErrorInfo() {
        String token = idp.officer("mc.ngocson", "11077", "reception_officer");
        assertThatThrownBy(() -> call("Bearer " + token, "rule"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat(GrpcErrors.errorInfo(e).getMetadataMap())
                            .containsEntry("from", "RECEIVED")
                            .containsEntry("to", "RETURNED");
                });
    }

    @Test
    void unexpectedExceptionBecomesInternalWithoutDetail() {
        String token = idp.officer("mc.ngocson", "11077", "reception_officer");
        assertThatThrownBy(() -> call("Bearer " + token, "boom"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
                    assertThat(e.getStatus().getDescription()).doesNotContain("secret");
                });
    }

    private static void assertUnauthenticated(String authorization, String reason) {
        assertThatThrownBy(() -> call(authorization, "")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo(reason);
        });
    }

    private static JWTClaimsSet parse(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
