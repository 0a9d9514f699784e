package vn.motcua.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;

/** The gRPC status → HTTP table, one row per case, through the real gateway against a failing service double. */
@MicronautTest(transactional = false)
class StatusMappingIT extends GatewayIT {

    private static final String PATH = "/api/v1/dossiers/H30.298.11077-250303-0001";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.gateway.downstream-timeout", "1s");
    }

    static Stream<Arguments> table() {
        return Stream.of(
                arguments(
                        "INVALID_ARGUMENT",
                        DomainException.invalid("code", "must be a dossier code"),
                        400,
                        "INVALID_FIELD",
                        "code: must be a dossier code"),
                arguments(
                        "OUT_OF_RANGE",
                        DomainException.of(
                                ErrorKind.OUT_OF_RANGE,
                                ErrorReason.CURSOR_EXPIRED,
                                "the cursor is older than the retained history"),
                        400,
                        "CURSOR_EXPIRED",
                        "the cursor is older than the retained history"),
                arguments("NOT_FOUND", DomainException.notFound("dossier"), 404, "NOT_FOUND", "dossier not found"),
                arguments(
                        "ALREADY_EXISTS",
                        DomainException.of(
                                ErrorKind.ALREADY_EXISTS,
                                ErrorReason.REQUEST_ID_REUSED,
                                "request_id was used with another body"),
                        409,
                        "REQUEST_ID_REUSED",
                        "request_id was used with another body"),
                arguments(
                        "FAILED_PRECONDITION",
                        DomainException.illegalTransition("RECEIVED", "RETURNED", "return"),
                        409,
                        "ILLEGAL_TRANSITION",
                        "cannot return a dossier in state RECEIVED"),
                arguments(
                        "PERMISSION_DENIED",
                        DomainException.permissionDenied("only the unit leader signs"),
                        403,
                        "ROLE_NOT_ALLOWED",
                        "only the unit leader signs"),
                arguments(
                        "UNAUTHENTICATED",
                        DomainException.unauthenticated(ErrorReason.TOKEN_INVALID, "the bearer token is not valid"),
                        401,
                        "TOKEN_INVALID",
                        "the bearer token is not valid"),
                arguments(
                        "RESOURCE_EXHAUSTED",
                        Status.RESOURCE_EXHAUSTED.withDescription("quota").asRuntimeException(),
                        429,
                        "RESOURCE_EXHAUSTED",
                        "too many requests; retry later"),
                arguments(
                        "DEADLINE_EXCEEDED",
                        Status.DEADLINE_EXCEEDED.withDescription("db timeout").asRuntimeException(),
                        504,
                        "DOWNSTREAM_TIMEOUT",
                        "a service did not answer in time; retry later"),
                arguments(
                        "UNAVAILABLE",
                        DomainException.unavailable(
                                ErrorReason.IDENTITY_PROVIDER_UNAVAILABLE, "token keys could not be loaded"),
                        503,
                        "IDENTITY_PROVIDER_UNAVAILABLE",
                        "token keys could not be loaded"),
                arguments(
                        "INTERNAL",
                        new IllegalStateException("duplicate key 'PRIMARY' in dossier"),
                        500,
                        "INTERNAL",
                        null),
                arguments(
                        "UNKNOWN",
                        Status.UNKNOWN
                                .withDescription("java.sql.SQLException: Access denied for user 'root'@'10.0.0.5'")
                                .asRuntimeException(),
                        500,
                        "INTERNAL",
                        null),
                arguments(
                        "DATA_LOSS",
                        Status.DATA_LOSS
                                .withDescription("/var/lib/mysql corrupted")
                                .asRuntimeException(),
                        500,
                        "INTERNAL",
                        null),
                arguments(
                        "UNIMPLEMENTED",
                        Status.UNIMPLEMENTED
                                .withDescription("Method not found: x")
                                .asRuntimeException(),
                        500,
                        "INTERNAL",
                        null),
                arguments(
                        "ABORTED",
                        DomainException.of(ErrorKind.ABORTED, ErrorReason.CONCURRENT_UPDATE, "changed concurrently"),
                        409,
                        "CONCURRENT_UPDATE",
                        "changed concurrently"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("table")
    void mapsServiceStatusToHttp(String row, Throwable failure, int status, String reason, String detail) {
        services.failWith(failure);

        Api.Reply reply = api.get(PATH, officer("specialist"));

        assertProblem(reply, status, reason);
        assertThat(reply.json().get("detail")).isEqualTo(detail);
        assertThat(reply.json().get("type"))
                .isEqualTo("https://motcua.vn/problems/" + reason.toLowerCase().replace('_', '-'));
        if (status == 500) {
            assertThat(reply.json()).doesNotContainKey("detail");
            assertThat(reply.body())
                    .doesNotContain("SQL", "10.0.0.5", "mysql", "PRIMARY", "Method not found", "changed concurrently");
        }
        assertThat(services.received()).hasSize(1);
    }

    @Test
    void fieldViolationsBecomeFieldErrorsWithJsonNames() {
        services.failWith(DomainException.invalid(List.of(
                new FieldViolation("applicant.citizen_id", "does not match the national register"),
                new FieldViolation("handover_signed_at", "must not be in the future"))));

        Api.Reply reply = api.get(PATH, officer("specialist"));

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .containsExactly(
                        Map.of("field", "applicant.citizenId", "message", "does not match the national register"),
                        Map.of("field", "handoverSignedAt", "message", "must not be in the future"));
    }

    @Test
    void unauthenticatedFromTheServiceAsksForANewToken() {
        services.failWith(DomainException.unauthenticated(ErrorReason.TOKEN_INVALID, "expired"));

        Api.Reply reply = api.get(PATH, officer("specialist"));

        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aSlowServiceHitsTheDeadline() {
        services.delay(Duration.ofSeconds(3));
        long started = System.nanoTime();

        Api.Reply reply = api.get(PATH, officer("specialist"));

        assertProblem(reply, 504, "DOWNSTREAM_TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }
}
