package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetTimelineRequest;
import vn.motcua.proto.dossier.v1.RenderFormRequest;

/**
 * A report viewer (architecture.md 5: read-only statistics of its subtree) never reads a dossier, its timeline or
 * its forms, which carry the applicant's personal data, even inside its subtree; nor can it tell which codes exist.
 * An officer who also holds report_viewer keeps the reads of the officer role.
 */
@MicronautTest(transactional = false)
class ReportViewerReadsNoDossierIT extends WorkflowItSupport {

    @Test
    void aReportViewerOfTheProvinceIsRefusedEveryDossierRead() {
        String code = receive("11077", BIRTH).getCode();
        String viewer = idp.officer("bc.30", "30", "report_viewer");

        for (String c : new String[] {code, "000.00.00.H30-260101-9999"}) {
            assertCode(
                    () -> ds(viewer)
                            .getDossier(
                                    GetDossierRequest.newBuilder().setCode(c).build()),
                    Status.Code.PERMISSION_DENIED);
            assertCode(
                    () -> wf(viewer)
                            .getTimeline(
                                    GetTimelineRequest.newBuilder().setCode(c).build()),
                    Status.Code.PERMISSION_DENIED);
            assertCode(
                    () -> wf(viewer)
                            .renderForm(RenderFormRequest.newBuilder()
                                    .setCode(c)
                                    .setKind(FormKind.FORM_KIND_RECEIPT)
                                    .build()),
                    Status.Code.PERMISSION_DENIED);
        }

        String leaderAndViewer = idp.officer("ld.viewer.11077", "11077", "unit_leader", "report_viewer");
        assertThat(ds(leaderAndViewer)
                        .getDossier(GetDossierRequest.newBuilder().setCode(code).build())
                        .getDossier()
                        .getCode())
                .isEqualTo(code);
        assertThat(ds(leader("11077"))
                        .getDossier(GetDossierRequest.newBuilder().setCode(code).build())
                        .getDossier()
                        .getCode())
                .isEqualTo(code);
    }
}
