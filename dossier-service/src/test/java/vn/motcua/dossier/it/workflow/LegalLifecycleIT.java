package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.*;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.ConfirmFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.LegalRegime;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.ReceptionOutcome;
import vn.motcua.proto.dossier.v1.RefuseDossierRequest;
import vn.motcua.proto.dossier.v1.RenderFormRequest;
import vn.motcua.proto.dossier.v1.RequestSupplementRequest;
import vn.motcua.proto.dossier.v1.RequireFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.StopDossierRequest;
import vn.motcua.proto.dossier.v1.StopGround;

/** Issue 16 end to end through the gRPC service on MariaDB: each test is one rule, its legal basis in a comment. */
@MicronautTest(transactional = false)
class LegalLifecycleIT extends WorkflowItSupport {

    /** Monday 30 June 2025 09:00 Asia/Ho_Chi_Minh: the last day of Decree 61/2018. */
    static final Instant LAST_DAY_OF_2018_RULES = Instant.parse("2025-06-30T02:00:00Z");

    // Decree 118/2025 is in force from 1 July 2025; a dossier keeps the regime of the day it was filed, so a dossier
    // received on 30 June 2025 can never be stopped and prints the 2018 forms, even when handled in 2026.
    @Test
    void theRegimeIsFixedPerDossierAtReception() {
        String unit = "11077";
        clock.set(LAST_DAY_OF_2018_RULES);
        Dossier old = receive(unit, MARRIAGE);
        assertThat(old.getLegalRegime()).isEqualTo(LegalRegime.LEGAL_REGIME_2018);
        clock.set(MONDAY_0800);
        Dossier current = receive(unit, MARRIAGE);
        assertThat(current.getLegalRegime()).isEqualTo(LegalRegime.LEGAL_REGIME_2025);

        assertWritesNothing(() -> assertCode(
                () -> wf(desk(unit))
                        .stopDossier(stop(old.getCode(), StopGround.STOP_GROUND_APPLICANT_REQUEST_DIRECT_OR_POSTAL)),
                Status.Code.FAILED_PRECONDITION));
        // Form 05 is the control slip under Circular 01/2018 and the stop notice under Circular 03/2025
        assertThat(render(unit, old.getCode(), FormKind.FORM_KIND_CONTROL_SLIP)).startsWith("mau-05-");
        assertThat(render(unit, current.getCode(), FormKind.FORM_KIND_CONTROL_SLIP))
                .startsWith("mau-06-");
    }

    // Decree 61/2018 Art 17(1)(a), 26: a paper dossier sent back for a supplement at the counter has no clock and no
    // legal number; it gets both when the desk accepts it complete, the code dated that day.
    @Test
    void aCounterSupplementRequestStartsNothingUntilTheDossierIsComplete() {
        String unit = "11077";
        Dossier sentBack = ds(desk(unit))
                .receiveDossier(paper(ReceptionOutcome.RECEPTION_OUTCOME_REQUEST_SUPPLEMENT, "Thiếu tờ khai"))
                .getDossier();
        assertThat(sentBack.getStatus()).isEqualTo(DOSSIER_STATUS_PRE_SUPPLEMENT);
        assertThat(sentBack.hasReceivedAt()).isFalse();
        assertThat(sentBack.hasDueAt()).isFalse();
        assertThat(sentBack.getCode()).startsWith("TN-").isEqualTo(sentBack.getSubmissionReference());
        assertThat(render(unit, sentBack.getCode(), FormKind.FORM_KIND_SUPPLEMENT_REQUEST))
                .startsWith("mau-02-");

        clock.advance(Duration.ofDays(1));
        Dossier accepted = accept(unit, sentBack.getCode());
        assertThat(accepted.getStatus()).isEqualTo(DOSSIER_STATUS_RECEIVED);
        assertThat(instant(accepted.getReceivedAt())).isEqualTo(MONDAY_0800.plus(Duration.ofDays(1)));
        assertThat(accepted.getCode()).matches(".+-260310-\\d{4}");
        assertThat(accepted.getSubmissionReference()).isEqualTo(sentBack.getCode());
        // the citizen's bookmark (the reference) still finds the dossier
        assertThat(ds(desk(unit))
                        .getDossier(GetDossierRequest.newBuilder()
                                .setCode(sentBack.getCode())
                                .build())
                        .getDossier()
                        .getCode())
                .isEqualTo(accepted.getCode());
    }

    // Decree 61/2018 Art 17(1)(b), 26: a refusal at the counter (Form 03) uses up no legal number.
    @Test
    void aCounterRefusalUsesNoLegalNumber() {
        String unit = "11080";
        long counters = longValue("SELECT COALESCE(SUM(last_no), 0) FROM dossier_code_counter");
        Dossier refused = ds(desk(unit))
                .receiveDossier(paper(ReceptionOutcome.RECEPTION_OUTCOME_REFUSE, "Không thuộc thẩm quyền"))
                .getDossier();
        assertThat(refused.getStatus()).isEqualTo(DOSSIER_STATUS_REJECTED);
        assertThat(refused.getCode()).startsWith("TN-");
        assertThat(longValue("SELECT COALESCE(SUM(last_no), 0) FROM dossier_code_counter"))
                .isEqualTo(counters);
        assertThat(render(unit, refused.getCode(), FormKind.FORM_KIND_REFUSAL)).startsWith("mau-03-");
    }

    // Decree 61/2018 Art 26, Circular 01/2018 Art 19: an online dossier's legal code is dated and numbered at
    // acceptance, among that day's receptions; before, it has a submission reference.
    @Test
    void anOnlineDossierIsNumberedOnTheDayItIsAccepted() {
        String unit = "11077";
        Dossier submitted = submitOnline(unit, BIRTH);
        assertThat(submitted.getCode()).startsWith("TN-260309-");
        clock.advance(Duration.ofDays(2));
        Dossier accepted = accept(unit, submitted.getCode());
        assertThat(accepted.getCode()).matches(".+-260311-\\d{4}");
        assertThat(accepted.getSubmissionReference()).isEqualTo(submitted.getCode());
    }

    // Circular 03/2025 Art 7(2): the applicant requests the stop online; the notice says so and the status is 8.
    @Test
    void theApplicantStopsOwnDossierAndTheNoticeSaysWhoAsked() {
        String unit = "11077";
        String code = transfer(unit, receive(unit, MARRIAGE).getCode()).getCode();
        assertCode(
                () -> wf(leader(unit)).stopDossier(stop(code, StopGround.STOP_GROUND_UNSPECIFIED)),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> wf(desk(unit)).stopDossier(stop(code, StopGround.STOP_GROUND_UNSPECIFIED)),
                Status.Code.INVALID_ARGUMENT);
        Dossier stopped = wf(citizen(CITIZEN_ID))
                .stopDossier(stop(code, StopGround.STOP_GROUND_UNSPECIFIED))
                .getDossier();
        assertThat(stopped.getStatus()).isEqualTo(DOSSIER_STATUS_STOPPED);
        assertThat(pdfText(wf(citizen(CITIZEN_ID))
                        .renderForm(RenderFormRequest.newBuilder()
                                .setCode(code)
                                .setKind(FormKind.FORM_KIND_STOP_NOTICE)
                                .build())
                        .getPdf()
                        .toByteArray()))
                .contains("gửi trực tuyến");
    }

    // Decree 61/2018 Art 19(8): a dossier waiting on a supplement that never comes can be refused, in the competent
    // agency's name; the open pause ends with it.
    @Test
    void anAbandonedSupplementCanBeRefused() {
        String unit = "11077";
        String code = transfer(unit, receive(unit, MARRIAGE).getCode()).getCode();
        wf(specialist(unit))
                .requestSupplement(RequestSupplementRequest.newBuilder()
                        .setCode(code)
                        .setReason("Thiếu giấy xác nhận")
                        .build());
        Dossier refused = wf(leader(unit))
                .refuseDossier(RefuseDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Không bổ sung")
                        .build())
                .getDossier();
        assertThat(refused.getStatus()).isEqualTo(DOSSIER_STATUS_REFUSED);
        assertThat(longValue("SELECT COUNT(*) FROM dossier_pause WHERE dossier_code = ? AND ended_at IS NULL", code))
                .isZero();
        assertThat(pdfText(wf(desk(unit))
                        .renderForm(RenderFormRequest.newBuilder()
                                .setCode(code)
                                .setKind(FormKind.FORM_KIND_REFUSAL)
                                .build())
                        .getPdf()
                        .toByteArray()))
                .doesNotContain("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ");
    }

    // Land procedures: the time the applicant spends on financial obligations is not counted in the time limit (the
    // land law's implementing decree: Decree 43/2014/ND-CP Art 61 under the 2013 Land Law [U]; the 2024 Land Law's
    // article not read [U]). A procedure version that says so gets a pause recorded like a supplement pause, and the
    // due time moves later by the working time it covered.
    @Test
    void theTimeSpentOnAFinancialObligationDoesNotCountWhereTheProcedureSaysSo() {
        String unit = "11077";
        execute("UPDATE procedure_version SET financial_obligation_pauses_clock = TRUE WHERE code = ?", MARRIAGE);
        try {
            Dossier received = transfer(unit, receive(unit, MARRIAGE).getCode());
            String code = received.getCode();
            Instant due = instant(received.getDueAt());
            requireFinancialObligation(unit, code, "Nộp tiền sử dụng đất");
            assertThat(longValue(
                            "SELECT COUNT(*) FROM dossier_pause WHERE dossier_code = ? AND kind = 'FINANCIAL_OBLIGATION'"
                                    + " AND ended_at IS NULL",
                            code))
                    .isOne();
            clock.advance(Duration.ofDays(2)); // Monday 08:00 to Wednesday 08:00: two working days
            Dossier resumed = confirmFinancialObligation(unit, code);
            assertThat(resumed.getStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
            assertThat(instant(resumed.getDueAt()))
                    .isEqualTo(MARCH_2026.dueAt(due, TimeLimit.workingDays(2)))
                    .isEqualTo(instantValue("SELECT original_due_at FROM dossier WHERE code = ?", code));
            assertThat(longValue(
                            "SELECT COUNT(*) FROM dossier_pause WHERE dossier_code = ? AND ended_at IS NULL", code))
                    .isZero();
            assertThat(events(code).get(events(code).size() - 1)[1]).contains("\"kind\":\"FINANCIAL_OBLIGATION\"");
        } finally {
            execute("UPDATE procedure_version SET financial_obligation_pauses_clock = FALSE WHERE code = ?", MARRIAGE);
        }
    }

    // Elsewhere the clock runs while the applicant pays (domain.md T12: the pause is sector-specific [U]; ADR 0004).
    @Test
    void theClockRunsWhileTheApplicantPaysWhereTheProcedureSaysNothing() {
        String unit = "11080";
        Dossier received = transfer(unit, receive(unit, MARRIAGE).getCode());
        String code = received.getCode();
        requireFinancialObligation(unit, code, "Nộp lệ phí");
        clock.advance(Duration.ofDays(2));
        Dossier resumed = confirmFinancialObligation(unit, code);
        assertThat(resumed.getDueAt()).isEqualTo(received.getDueAt());
        assertThat(longValue("SELECT COUNT(*) FROM dossier_pause WHERE dossier_code = ?", code))
                .isZero();
    }

    private void requireFinancialObligation(String unit, String code, String reason) {
        wf(specialist(unit))
                .requireFinancialObligation(RequireFinancialObligationRequest.newBuilder()
                        .setCode(code)
                        .setReason(reason)
                        .build());
    }

    private Dossier confirmFinancialObligation(String unit, String code) {
        return wf(specialist(unit))
                .confirmFinancialObligation(ConfirmFinancialObligationRequest.newBuilder()
                        .setCode(code)
                        .build())
                .getDossier();
    }

    private ReceiveDossierRequest paper(ReceptionOutcome outcome, String reason) {
        return ReceiveDossierRequest.newBuilder()
                .setProcedureCode(MARRIAGE)
                .setChannel(Channel.CHANNEL_COUNTER)
                .setApplicant(applicant())
                .setOutcome(outcome)
                .setReason(reason)
                .build();
    }

    private String render(String unit, String code, FormKind kind) {
        return wf(desk(unit))
                .renderForm(RenderFormRequest.newBuilder()
                        .setCode(code)
                        .setKind(kind)
                        .build())
                .getFileName();
    }

    private static StopDossierRequest stop(String code, StopGround ground) {
        return StopDossierRequest.newBuilder()
                .setCode(code)
                .setReason("Không còn nhu cầu")
                .setGround(ground)
                .build();
    }
}
