package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_IN_PROCESS;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_REFUSED;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_RESULT_READY;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.digitization.v1.SignatureVerdict;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.IssueResultRequest;
import vn.motcua.proto.dossier.v1.RefuseDossierRequest;

/**
 * Issue 12: the result of a dossier is issued only once its electronic result (a signed PDF whose signature
 * verified as VALID) is attached in digitization-service, asked with the clerk's own token and a deadline before the
 * transaction. Without it, or with a result whose verdict is not VALID, or with digitization-service unreachable,
 * IssueResult is refused and writes nothing (no state change, history line, feed event or request-id claim); with it
 * the result is issued as before. Refusing a dossier ends it without a result and asks nobody. The rule is on here
 * (as in production; the other tests of this module turn it off); digitization-service is a test double at this
 * module's boundary ({@link FakeDigitizationService}), the real one is exercised end to end in the system tests.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElectronicResultRequiredIT extends WorkflowItSupport {

    private static final String UNIT = "11083";

    private final FakeDigitizationService digitization = FakeDigitizationService.start();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("grpc.channels.digitization.address", digitization.address());
        props.put("motcua.dossier.result.require-electronic-result", "true");
        props.put("motcua.digitization.call-timeout", "3s");
        return props;
    }

    @Override
    @AfterAll
    protected void cleanUp() {
        digitization.close();
        super.cleanUp();
    }

    /** One clerk token for the class, so that the token digitization-service receives can be compared. */
    private String clerk;

    private String clerk() {
        if (clerk == null) {
            clerk = clerk(UNIT);
        }
        return clerk;
    }

    private Dossier issueAsClerk(String code, String requestId) {
        return wf(clerk())
                .issueResult(IssueResultRequest.newBuilder()
                        .setRequestId(requestId)
                        .setCode(code)
                        .setResultNote("Số 12/GKS")
                        .build())
                .getDossier();
    }

    /** A dossier approved and waiting for its result, with the result digitization-service holds (null: none). */
    private String approved(SignatureVerdict verdict) {
        String code = processedUpToApproval(UNIT, BIRTH).getCode();
        if (verdict != null) {
            digitization.attach(code, "doc-" + verdict.getNumber(), verdict);
        }
        return code;
    }

    /** IssueResult fails as {@code check} expects, writes nothing, and the dossier stays in process. */
    private void assertNotIssued(String code, Consumer<StatusRuntimeException> check) {
        assertWritesNothing(() ->
                check.accept(failure(() -> issueAsClerk(code, UUID.randomUUID().toString()))));
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    private List<FakeDigitizationService.Call> callsFor(String code) {
        return digitization.calls.stream()
                .filter(c -> c.dossierCode().equals(code))
                .toList();
    }

    @Test
    @Order(1)
    void withoutAnAttachedResultTheResultIsNotIssuedAndNothingIsWritten() {
        String code = approved(null);

        assertNotIssued(code, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            ErrorInfo info = GrpcErrors.errorInfo(e);
            assertThat(info.getReason()).isEqualTo("RULE_VIOLATED");
            assertThat(info.getMetadataMap()).containsEntry("rule", "ELECTRONIC_RESULT_ATTACHED");
            assertThat(e.getStatus().getDescription()).contains("no electronic result attached");
        });
        assertThat(callsFor(code)).singleElement().satisfies(call -> {
            assertThat(call.authorization())
                    .as("the clerk's token is forwarded")
                    .isEqualTo("Bearer " + clerk());
            assertThat(call.hadDeadline()).as("the call has a deadline").isTrue();
        });
    }

    @Test
    @Order(2)
    void aResultWhoseSignatureIsNotValidDoesNotCount() {
        assertNotIssued(approved(SignatureVerdict.SIGNATURE_VERDICT_UNTRUSTED), e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(GrpcErrors.errorInfo(e).getMetadataMap())
                    .containsEntry("rule", "ELECTRONIC_RESULT_ATTACHED")
                    .containsEntry("verdict", "UNTRUSTED");
        });
    }

    @Test
    @Order(3)
    void withAValidlySignedResultTheResultIsIssuedAndAReplayAsksNobody() {
        String code = approved(SignatureVerdict.SIGNATURE_VERDICT_VALID);
        long historyBefore = longValue("SELECT COUNT(*) FROM dossier_history WHERE dossier_code = ?", code);
        String requestId = UUID.randomUUID().toString();

        Dossier ready = issueAsClerk(code, requestId);
        assertThat(ready.getStatus()).isEqualTo(DOSSIER_STATUS_RESULT_READY);
        assertThat(issueAsClerk(code, requestId).getRevision())
                .as("a replay answers the first result")
                .isEqualTo(ready.getRevision());

        assertThat(callsFor(code)).as("the replay made no call").hasSize(1);
        assertThat(longValue("SELECT COUNT(*) FROM dossier_history WHERE dossier_code = ?", code))
                .isEqualTo(historyBefore + 1);
        assertThat(events(code)).extracting(e -> e[0]).contains("dossier.result_issued");
    }

    @Test
    @Order(4)
    void refusingADossierNeedsNoResultAndAVerbRefusedAnywayAsksNobody() {
        String code = approved(null);
        Dossier refused = wf(leader(UNIT))
                .refuseDossier(RefuseDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Hồ sơ giả mạo")
                        .build())
                .getDossier();
        assertThat(refused.getStatus()).isEqualTo(DOSSIER_STATUS_REFUSED);

        // issuing the result of a refused dossier fails as it always did, before digitization-service is asked
        StatusRuntimeException e =
                failure(() -> issueAsClerk(code, UUID.randomUUID().toString()));
        assertThat(e.getStatus().getCode()).isNotEqualTo(Status.Code.UNAVAILABLE);
        assertThat(GrpcErrors.errorInfo(e).getMetadataMap()).doesNotContainEntry("rule", "ELECTRONIC_RESULT_ATTACHED");
        assertThat(callsFor(code)).isEmpty();
    }

    @Test
    @Order(5)
    void digitizationServiceFailingIsUnavailableAndWritesNothing() {
        String code = approved(SignatureVerdict.SIGNATURE_VERDICT_VALID);
        digitization.failNext(Status.UNAVAILABLE);

        assertNotIssued(code, ElectronicResultRequiredIT::assertUnavailable);
    }

    /** Last: digitization-service goes away for good. */
    @Test
    @Order(100)
    void digitizationServiceDownIsUnavailableAndWritesNothing() {
        String code = approved(SignatureVerdict.SIGNATURE_VERDICT_VALID);
        digitization.close();

        assertNotIssued(code, ElectronicResultRequiredIT::assertUnavailable);
    }

    private static void assertUnavailable(StatusRuntimeException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        ErrorInfo info = GrpcErrors.errorInfo(e);
        assertThat(info.getReason()).isEqualTo("DOWNSTREAM_UNAVAILABLE");
        assertThat(info.getMetadataMap()).containsEntry("service", "digitization-service");
        assertThat(e.getStatus().getDescription()).contains("nothing changed");
    }
}
