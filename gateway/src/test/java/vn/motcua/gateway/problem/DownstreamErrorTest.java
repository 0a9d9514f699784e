package vn.motcua.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.http.HttpStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.error.GrpcErrors;

class DownstreamErrorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "INVALID_ARGUMENT, 400",
        "OUT_OF_RANGE, 400",
        "NOT_FOUND, 404",
        "ALREADY_EXISTS, 409",
        "FAILED_PRECONDITION, 409",
        "PERMISSION_DENIED, 403",
        "UNAUTHENTICATED, 401",
        "RESOURCE_EXHAUSTED, 429",
        "DEADLINE_EXCEEDED, 504",
        "UNAVAILABLE, 503",
        "INTERNAL, 500",
        "UNKNOWN, 500",
        "ABORTED, 409",
        "CANCELLED, 500",
        "DATA_LOSS, 500",
        "UNIMPLEMENTED, 500",
        "OK, 500"
    })
    void table(Status.Code code, int http) {
        assertThat(DownstreamError.httpStatus(code).getCode()).isEqualTo(http);
    }

    @Test
    void domainErrorKeepsReasonMessageAndFields() {
        StatusRuntimeException e = GrpcErrors.toException(DomainException.invalid(List.of(
                new FieldViolation("applicant.citizen_id", "unknown"), new FieldViolation("note", "too long"))));

        DownstreamError error = DownstreamError.of(e);

        assertThat(error.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(error.reason()).isEqualTo("INVALID_FIELD");
        assertThat(error.detail()).isEqualTo("applicant.citizen_id: unknown; note: too long");
        assertThat(error.errors())
                .containsExactly(new FieldError("applicant.citizenId", "unknown"), new FieldError("note", "too long"));
    }

    @Test
    void transportErrorsGetAGenericDetailAndAFallbackReason() {
        DownstreamError error = DownstreamError.of(Status.UNAVAILABLE
                .withDescription("io exception: Connection refused: /10.1.2.3:50051")
                .asRuntimeException());

        assertThat(error.status().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(error.reason()).isEqualTo(ErrorReason.DOWNSTREAM_UNAVAILABLE.name());
        assertThat(error.detail()).doesNotContain("10.1.2.3").isEqualTo("a service is unavailable; retry later");
    }

    @Test
    void concurrentUpdateIsAConflictTheClientMayRetry() {
        DownstreamError error = DownstreamError.of(GrpcErrors.toException(
                DomainException.of(ErrorKind.ABORTED, ErrorReason.CONCURRENT_UPDATE, "changed concurrently")));

        assertThat(error)
                .isEqualTo(new DownstreamError(
                        HttpStatus.CONFLICT, "CONCURRENT_UPDATE", "changed concurrently", List.of()));
    }

    @Test
    void controlCharactersInServiceTextAreNeutralised() {
        DownstreamError error = DownstreamError.of(
                GrpcErrors.toException(DomainException.ruleViolated("R1", "line one\nline\u202Etwo")));

        assertThat(error.detail()).isEqualTo("line one line two");
        assertThat(error.status().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(error.reason()).isEqualTo("RULE_VIOLATED");
    }

    @Test
    void protoPathsBecomeJsonPaths() {
        assertThat(DownstreamError.jsonPath("applicant.citizen_id")).isEqualTo("applicant.citizenId");
        assertThat(DownstreamError.jsonPath("handover_signed_at")).isEqualTo("handoverSignedAt");
        assertThat(DownstreamError.jsonPath("page.page_size")).isEqualTo("page.pageSize");
        assertThat(DownstreamError.jsonPath("code")).isEqualTo("code");
    }
}
