package vn.motcua.dossier.dossier.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.dossier.dossier.service.ElectronicResults.AttachedResult;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.digitization.v1.DossierDigitization;
import vn.motcua.proto.digitization.v1.DossierResult;
import vn.motcua.proto.digitization.v1.SignatureReport;
import vn.motcua.proto.digitization.v1.SignatureVerdict;

/** What dossier-service reads of digitization-service's answer, and how its failures come back to the clerk. */
class DigitizationServiceClientTest {

    private static final String CODE = "H30.298.11077-260309-0001";

    @Test
    void noResultInTheAnswerIsNoAttachedResult() {
        assertThat(DigitizationServiceClient.result(
                        DossierDigitization.newBuilder().setDossierCode(CODE).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = SignatureVerdict.class,
            names = {"SIGNATURE_VERDICT_VALID", "SIGNATURE_VERDICT_UNTRUSTED", "SIGNATURE_VERDICT_TAMPERED"})
    void theResultCarriesItsDocumentAndTheVerdictsShortName(SignatureVerdict verdict) {
        DossierDigitization answer = DossierDigitization.newBuilder()
                .setDossierCode(CODE)
                .setResult(DossierResult.newBuilder()
                        .setDocumentId("doc-1")
                        .setSignature(SignatureReport.newBuilder().setVerdict(verdict)))
                .build();
        assertThat(DigitizationServiceClient.result(answer))
                .contains(new AttachedResult("doc-1", verdict.name().substring("SIGNATURE_VERDICT_".length())));
    }

    @Test
    void aResultWithoutAVerdictIsNotValid() {
        DossierDigitization answer = DossierDigitization.newBuilder()
                .setResult(DossierResult.newBuilder().setDocumentId("doc-1"))
                .build();
        assertThat(DigitizationServiceClient.result(answer))
                .hasValueSatisfying(r -> assertThat(r.signatureValid()).isFalse());
    }

    /** Which codes count as unreachable is DownstreamFailures' rule, shared with payment-service's client. */
    @Test
    void unreachableDigitizationServiceIsUnavailableAndNamesTheService() {
        DomainException e = DigitizationServiceClient.failure(CODE, Status.DEADLINE_EXCEEDED.asRuntimeException());
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.reason()).isEqualTo(ErrorReason.DOWNSTREAM_UNAVAILABLE);
        assertThat(e.metadata())
                .containsEntry("service", "digitization-service")
                .containsEntry("status", "DEADLINE_EXCEEDED");
        assertThat(e.getMessage())
                .contains("digitization-service is unavailable")
                .contains("not issued")
                .contains("nothing changed");
    }

    @Test
    void refusalCarriesDigitizationServicesOwnReason() {
        DomainException refused =
                DomainException.of(ErrorKind.PERMISSION_DENIED, ErrorReason.ROLE_NOT_ALLOWED, "no role may read it");
        DomainException e = DigitizationServiceClient.failure(CODE, GrpcErrors.toException(refused));
        assertThat(e.metadata()).containsEntry("service_reason", "ROLE_NOT_ALLOWED");
    }
}
