package vn.motcua.digitization.dossierlink.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.digitization.dossierlink.domain.DossierChannel;
import vn.motcua.digitization.dossierlink.domain.DossierStatus;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;

/** How dossier-service's answers become this service's snapshot and errors. */
class DossierServiceClientTest {

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"NOT_FOUND", "PERMISSION_DENIED", "INVALID_ARGUMENT"})
    void aDossierDossierServiceHidesIsNotFoundHere(Status.Code code) {
        DomainException e =
                DossierServiceClient.failure("dossier X", Status.fromCode(code).asRuntimeException(), true);
        assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(e.reason()).isEqualTo(ErrorReason.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "UNKNOWN"})
    void unreachableDossierServiceIsUnavailableAndNamesIt(Status.Code code) {
        DomainException e =
                DossierServiceClient.failure("dossier X", Status.fromCode(code).asRuntimeException(), true);
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(e.reason()).isEqualTo(ErrorReason.DOWNSTREAM_UNAVAILABLE);
        assertThat(e.metadata()).containsEntry("service", "dossier-service").containsEntry("status", code.name());
    }

    @Test
    void theSnapshotKeysAnOnlineDossierByItsSubmissionReferenceWhichNeverChanges() {
        Dossier accepted = Dossier.newBuilder()
                .setCode("H30.298.11077-260502-0007")
                .setSubmissionReference("TN-260502-ABCDEFGHJK")
                .setReceivingUnitCode("11077")
                .setProcedureCode("1.001193")
                .setProcedureVersion(2)
                .setChannel(Channel.CHANNEL_ONLINE)
                .setStatus(vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                .setApplicant(Applicant.newBuilder().setCitizenId("001099012345"))
                .build();
        LinkedDossier d = DossierServiceClient.linked(accepted, Instant.EPOCH);
        assertThat(d.key()).isEqualTo("TN-260502-ABCDEFGHJK");
        assertThat(d.code()).isEqualTo("H30.298.11077-260502-0007");
        assertThat(d.isNamed("TN-260502-ABCDEFGHJK")).isTrue();
        assertThat(d.isNamed("H30.298.11077-260502-0007")).isTrue();
        assertThat(d.competentUnitCode()).as("defaults to the receiving unit").isEqualTo("11077");
        assertThat(d.channel()).isEqualTo(DossierChannel.ONLINE);
        assertThat(d.status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(d.applicantId()).isEqualTo("001099012345");

        LinkedDossier counter = DossierServiceClient.linked(
                accepted.toBuilder().clearSubmissionReference().build(), Instant.EPOCH);
        assertThat(counter.key()).isEqualTo("H30.298.11077-260502-0007");
    }
}
