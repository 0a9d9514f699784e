package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_IN_PROCESS;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_REFUSED;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.RefuseDossierRequest;
import vn.motcua.proto.dossier.v1.TransferDossierRequest;

/**
 * expected_revision (the gateway's If-Match): a decision taken on an older view of the dossier is refused with
 * STALE_REVISION and writes nothing; one taken on the current view applies and moves the revision on.
 */
@MicronautTest(transactional = false)
class StaleRevisionRefusesTransitionIT extends WorkflowItSupport {

    @Test
    void aDecisionOnAnOlderRevisionIsRefusedAndOneOnTheCurrentRevisionApplies() {
        String unit = "11077";
        Dossier received = receive(unit, MARRIAGE);
        assertThat(received.getRevision()).as("a new dossier").isZero();
        String code = received.getCode();

        Dossier transferred = wf(desk(unit))
                .transferDossier(TransferDossierRequest.newBuilder()
                        .setCode(code)
                        .setExpectedRevision(0)
                        .build())
                .getDossier();
        assertThat(transferred.getStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(transferred.getRevision()).isEqualTo(1);
        assertThat(ds(desk(unit))
                        .getDossier(GetDossierRequest.newBuilder().setCode(code).build())
                        .getDossier()
                        .getRevision())
                .as("what GetDossier reports")
                .isEqualTo(1);

        // the leader's screen still shows revision 0
        assertWritesNothing(() -> {
            var e = failure(() -> wf(leader(unit))
                    .refuseDossier(refuse(code).setExpectedRevision(0).build()));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("STALE_REVISION");
            assertThat(e.getStatus().getDescription()).contains("revision 1");
        });

        Dossier refused = wf(leader(unit))
                .refuseDossier(refuse(code).setExpectedRevision(1).build())
                .getDossier();
        assertThat(refused.getStatus()).isEqualTo(DOSSIER_STATUS_REFUSED);
        assertThat(refused.getRevision()).isEqualTo(2);
        assertThat(longValue("SELECT row_version FROM dossier WHERE code = ?", code))
                .isEqualTo(2);
    }

    @Test
    void withoutAnExpectedRevisionTheDossierIsTakenAsItIs() {
        String unit = "11080";
        String code = transfer(unit, receive(unit, MARRIAGE).getCode()).getCode();

        assertThat(wf(leader(unit))
                        .refuseDossier(refuse(code).build())
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_REFUSED);
    }

    private static RefuseDossierRequest.Builder refuse(String code) {
        return RefuseDossierRequest.newBuilder().setCode(code).setReason("Không đủ điều kiện theo quy định");
    }
}
