package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_AWAITING_PAYMENT;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_IN_PROCESS;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.dossier.v1.RequireFinancialObligationRequest;

/**
 * No payment-service at all (the test configuration's payment channel points at a port nothing listens on): a
 * fee-bearing dossier cannot be told to await its obligation, and says why, while fee-less dossiers go on as before.
 * The real transport failure, where PaymentRequestAndFeedIT has its test double answer UNAVAILABLE.
 */
@MicronautTest(transactional = false)
class PaymentServiceUnreachableIT extends WorkflowItSupport {

    private static final String UNIT = "11080";

    private RequireFinancialObligationRequest require(String code) {
        return RequireFinancialObligationRequest.newBuilder()
                .setCode(code)
                .setReason("Nộp phí")
                .build();
    }

    @Test
    void feeBearingDossierStaysInProcessAndTheVerbFailsUnavailable() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();

        assertWritesNothing(() -> {
            StatusRuntimeException e = failure(() -> wf(specialist(UNIT)).requireFinancialObligation(require(code)));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            ErrorInfo info = GrpcErrors.errorInfo(e);
            assertThat(info.getReason()).isEqualTo("DOWNSTREAM_UNAVAILABLE");
            assertThat(info.getMetadataMap()).containsEntry("service", "payment-service");
        });
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(count("dossier_payment_request")).isZero();
    }

    @Test
    void feeLessDossierNeedsNoPaymentService() {
        String code = transfer(UNIT, receive(UNIT, MARRIAGE).getCode()).getCode(); // exempt: 0 đồng

        assertThat(wf(specialist(UNIT))
                        .requireFinancialObligation(require(code))
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_AWAITING_PAYMENT);
    }
}
