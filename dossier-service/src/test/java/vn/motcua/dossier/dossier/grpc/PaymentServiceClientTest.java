package vn.motcua.dossier.dossier.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.dossier.dossier.service.PaymentRequestDraft;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;

/** What dossier-service sends payment-service, and how payment-service's failures come back to the officer. */
class PaymentServiceClientTest {

    private static final PaymentRequestDraft DRAFT = new PaymentRequestDraft(
            "0f3c8e0a-1b2c-3d4e-8f90-123456789abc",
            "H30.298.11077-260309-0001",
            "11077",
            "2.000815",
            "Nguyễn Văn An",
            "030090001234",
            List.of(
                    new PaymentRequestDraft.FeeLine("Phí chứng thực bản sao (mỗi trang)", 2000, ""),
                    new PaymentRequestDraft.FeeLine("Phí dịch vụ", 10000, "")),
            0,
            List.of("30", "298", "11077"));

    @Test
    void requestCarriesEveryLineInDongAndTheUnitsAncestry() {
        CreatePaymentRequestRequest request = PaymentServiceClient.request(DRAFT);

        assertThat(request.getRequestId()).isEqualTo(DRAFT.requestId());
        assertThat(request.getDossierCode()).isEqualTo("H30.298.11077-260309-0001");
        assertThat(request.getUnitCode()).isEqualTo("11077");
        assertThat(request.getProcedureCode()).isEqualTo("2.000815");
        assertThat(request.getPayerName()).isEqualTo("Nguyễn Văn An");
        assertThat(request.getPayerCitizenId()).isEqualTo("030090001234");
        assertThat(request.getOnlineDiscountPercent()).isZero();
        assertThat(request.getUnitPathList()).containsExactly("30", "298", "11077");
        assertThat(request.getLinesList())
                .extracting(
                        l -> l.getName(),
                        l -> l.getAmount().getAmount(),
                        l -> l.getAmount().getCurrencyCode(),
                        l -> l.getLegalBasis())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Phí chứng thực bản sao (mỗi trang)", 2000L, "VND", ""),
                        org.assertj.core.groups.Tuple.tuple("Phí dịch vụ", 10000L, "VND", ""));
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "UNKNOWN", "UNIMPLEMENTED"})
    void unreachablePaymentServiceIsUnavailableAndNamesTheService(Status.Code code) {
        DomainException e =
                PaymentServiceClient.failure(DRAFT, Status.fromCode(code).asRuntimeException());
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.reason()).isEqualTo(ErrorReason.DOWNSTREAM_UNAVAILABLE);
        assertThat(e.metadata()).containsEntry("service", "payment-service").containsEntry("status", code.name());
        assertThat(e.getMessage()).contains("payment-service is unavailable").contains("nothing changed");
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"INVALID_ARGUMENT", "PERMISSION_DENIED", "ALREADY_EXISTS", "NOT_FOUND", "FAILED_PRECONDITION"})
    void refusalIsAFailedPreconditionWithPaymentServicesCode(Status.Code code) {
        DomainException e =
                PaymentServiceClient.failure(DRAFT, Status.fromCode(code).asRuntimeException());
        assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
        assertThat(e.reason()).isEqualTo(ErrorReason.RULE_VIOLATED);
        assertThat(e.metadata())
                .containsEntry("rule", "PAYMENT_REQUEST_REFUSED")
                .containsEntry("service", "payment-service")
                .containsEntry("status", code.name());
    }

    @Test
    void refusalCarriesPaymentServicesOwnReason() {
        DomainException refused = DomainException.of(
                ErrorKind.PERMISSION_DENIED, ErrorReason.ROLE_NOT_ALLOWED, "specialists may not create payments");
        DomainException e =
                PaymentServiceClient.failure(DRAFT, vn.motcua.platform.error.GrpcErrors.toException(refused));
        assertThat(e.metadata()).containsEntry("service_reason", "ROLE_NOT_ALLOWED");
    }
}
