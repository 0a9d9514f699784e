package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.*;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.forms.FormRegime;
import vn.motcua.dossier.forms.FormType;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.ExtendDeadlineRequest;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.RenderFormRequest;
import vn.motcua.proto.dossier.v1.RenderFormResponse;
import vn.motcua.proto.dossier.v1.StopDossierRequest;
import vn.motcua.proto.dossier.v1.StopGround;

/** A REGIME_2025 deployment (Decree 118/2025, Circular 03/2025): stopping a dossier and the 2025 form set. */
@MicronautTest(transactional = false)
class StopUnderRegime2025IT extends WorkflowItSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.dossier.legal-regime-override", "REGIME_2025");
    }

    @Test
    void theDeskRecordsTheApplicantsStopRequestWithoutResultAndTheStopNoticeRenders() {
        String unit = "11077";
        String code = receive(unit, MARRIAGE).getCode();
        transfer(unit, code);
        assertCode(() -> wf(specialist(unit)).stopDossier(stop(code)), Status.Code.PERMISSION_DENIED);
        // Circular 03/2025 Art 7: a stop is the applicant's request; the unit's leader cannot stop on their own
        assertCode(() -> wf(leader(unit)).stopDossier(stop(code)), Status.Code.PERMISSION_DENIED);
        clock.advance(Duration.ofHours(1));
        Dossier stopped = wf(desk(unit)).stopDossier(stop(code)).getDossier();
        assertThat(stopped.getStatus()).isEqualTo(DOSSIER_STATUS_STOPPED);
        assertThat(instant(stopped.getFinishedAt())).isEqualTo(MONDAY_0800.plus(Duration.ofHours(1)));
        String[] event = events(code).get(2);
        assertThat(event[0]).isEqualTo("dossier.stopped");
        assertThat(event[1]).contains("\"resultKind\":\"STOPPED\"", "\"dvcqgStatus\":8");

        RenderFormResponse notice = wf(desk(unit))
                .renderForm(RenderFormRequest.newBuilder()
                        .setCode(code)
                        .setKind(FormKind.FORM_KIND_STOP_NOTICE)
                        .build());
        assertThat(notice.getFileName()).isEqualTo("mau-05-" + code + ".pdf");
        assertThat(pdfText(notice.getPdf().toByteArray()))
                .contains(
                        FormType.STOP_NOTICE.title(FormRegime.REGIME_2025),
                        "Mã hồ sơ: " + code,
                        "Công dân đề nghị dừng");

        String atDesk = receive(unit, BIRTH).getCode();
        assertThat(wf(desk(unit)).stopDossier(stop(atDesk)).getDossier().getStatus())
                .isEqualTo(DOSSIER_STATUS_STOPPED);

        String issued = transfer(unit, receive(unit, BIRTH).getCode()).getCode();
        assertThat(issue(unit, issued).getStatus()).isEqualTo(DOSSIER_STATUS_RESULT_READY);
        assertWritesNothing(
                () -> assertCode(() -> wf(desk(unit)).stopDossier(stop(issued)), Status.Code.FAILED_PRECONDITION));
        assertThat(returnResult(unit, issued, Channel.CHANNEL_COUNTER).getStatus())
                .isEqualTo(DOSSIER_STATUS_RETURNED);
    }

    // The regime is the dossier's, fixed when it was filed (Decree 118/2025 in force 1 July 2025, ADR 0004): the
    // deployment's override does not reach a dossier filed before it, so its feed events keep its own regime and its
    // synchronised status (DVCQG TrangThaiHoSo, domain.md §4.1) can never become 8 (STOP exists only under 2025).
    @Test
    void theFeedCarriesEachDossiersOwnRegimeAndStatusCode() {
        String unit = "11077";
        String old = receive(unit, MARRIAGE).getCode();
        // filed before the deployment was switched to the 2025 rules
        execute("UPDATE dossier SET legal_regime = 'REGIME_2018' WHERE legal_code = ?", old);
        transfer(unit, old);
        assertWritesNothing(
                () -> assertCode(() -> wf(desk(unit)).stopDossier(stop(old)), Status.Code.FAILED_PRECONDITION));
        String[] oldEvent = events(old).get(1);
        assertThat(oldEvent[0]).isEqualTo("dossier.transferred");
        assertThat(oldEvent[1]).contains("\"legalRegime\":\"LEGAL_REGIME_2018\"", "\"dvcqgStatus\":4");

        String current = transfer(unit, receive(unit, MARRIAGE).getCode()).getCode();
        wf(desk(unit)).stopDossier(stop(current));
        for (String[] event : events(current)) {
            assertThat(event[1]).contains("\"legalRegime\":\"LEGAL_REGIME_2025\"");
        }
        assertThat(events(current).get(2)[1]).contains("\"dvcqgStatus\":8");
    }

    @Test
    void formsFollowTheCircularOf2025() {
        String unit = "11080";
        String code = transfer(unit, receive(unit, MARRIAGE).getCode()).getCode();
        wf(leader(unit))
                .extendDeadline(ExtendDeadlineRequest.newBuilder()
                        .setCode(code)
                        .setReason("Chờ xác minh")
                        .setNewDueAt(timestamp(MARCH_2026.dueAt(MONDAY_0800, TimeLimit.workingDays(9))))
                        .build());
        Map<FormKind, String> expected = Map.of(
                FormKind.FORM_KIND_APOLOGY, "mau-04-",
                FormKind.FORM_KIND_CONTROL_SLIP, "mau-06-",
                FormKind.FORM_KIND_RECEIPT, "mau-01-");
        expected.forEach((kind, prefix) -> {
            RenderFormResponse form = wf(desk(unit))
                    .renderForm(RenderFormRequest.newBuilder()
                            .setCode(code)
                            .setKind(kind)
                            .build());
            assertThat(form.getFileName()).isEqualTo(prefix + code + ".pdf");
            assertThat(pdfText(form.getPdf().toByteArray())).contains("Mã hồ sơ: " + code, "03/2025/TT-VPCP");
        });
        assertThat(pdfText(wf(desk(unit))
                        .renderForm(RenderFormRequest.newBuilder()
                                .setCode(code)
                                .setKind(FormKind.FORM_KIND_APOLOGY)
                                .build())
                        .getPdf()
                        .toByteArray()))
                .contains(FormType.APOLOGY.title(FormRegime.REGIME_2025));
    }

    private static StopDossierRequest stop(String code) {
        return StopDossierRequest.newBuilder()
                .setCode(code)
                .setReason("Công dân đề nghị dừng")
                .setGround(StopGround.STOP_GROUND_APPLICANT_REQUEST_DIRECT_OR_POSTAL)
                .build();
    }
}
