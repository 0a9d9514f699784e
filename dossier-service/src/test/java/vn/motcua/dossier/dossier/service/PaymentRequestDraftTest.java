package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.unit.UnitLevel;

/** The payment request a dossier owes under its pinned procedure version, and its idempotency key. */
class PaymentRequestDraftTest {

    private static final List<String> PATH = List.of("30", "298", "11077");

    private static final String BASIS = "Nghị quyết 12/2020/NQ-HĐND (mẫu kiểm thử)";

    private static Procedure version(Procedure.Fee... fees) {
        return version(0, fees);
    }

    private static Procedure version(int onlineDiscountPercent, Procedure.Fee... fees) {
        return new Procedure(
                "2.000815",
                3,
                "Chứng thực bản sao",
                "Chứng thực",
                UnitLevel.COMMUNE,
                TimeLimit.workingDays(1),
                List.of(fees),
                Procedure.OnlineLevel.PARTIAL,
                false,
                true,
                false,
                onlineDiscountPercent,
                List.of());
    }

    private static Dossier dossier(String legalCode, Applicant applicant) {
        return dossier(legalCode, applicant, Channel.ONLINE);
    }

    private static Dossier dossier(String legalCode, Applicant applicant, Channel channel) {
        return Dossier.builder()
                .regime(LegalRegime.REGIME_2025)
                .code("TN-260309-ABCD")
                .legalCode(legalCode)
                .procedure("2.000815", 3, "Chứng thực bản sao")
                .receivingUnitCode("11077")
                .competentUnitCode("11077")
                .handlingUnitCode("11077")
                .state(DossierState.IN_PROCESS)
                .channel(channel)
                .applicant(applicant)
                .build();
    }

    private static final Applicant AN = new Applicant("Nguyễn Văn An", "030090001234", null, null, null);

    @Test
    void feeBearingVersionAsksForItsPayableLinesWithTheDossiersPublicCodeAndTheApplicantAsPayer() {
        PaymentRequestDraft draft = PaymentRequestDraft.forObligation(
                        dossier("H30.298.11077-260309-0001", AN),
                        version(
                                new Procedure.Fee("Phí chứng thực bản sao (mỗi trang)", 2000, BASIS),
                                new Procedure.Fee("Lệ phí cấp bản sao (miễn)", 0, BASIS),
                                new Procedure.Fee("Phí dịch vụ", 10000, "")),
                        PATH,
                        "subject-1",
                        "req-1")
                .orElseThrow();

        assertThat(draft.lines())
                .containsExactly(
                        new PaymentRequestDraft.FeeLine("Phí chứng thực bản sao (mỗi trang)", 2000, BASIS),
                        new PaymentRequestDraft.FeeLine("Phí dịch vụ", 10000, ""));
        assertThat(draft.totalDong()).isEqualTo(12000);
        assertThat(draft.dossierCode()).isEqualTo("H30.298.11077-260309-0001");
        assertThat(draft.unitCode()).isEqualTo("11077");
        assertThat(draft.procedureCode()).isEqualTo("2.000815");
        assertThat(draft.payerName()).isEqualTo("Nguyễn Văn An");
        assertThat(draft.payerCitizenId()).isEqualTo("030090001234");
        assertThat(draft.onlineDiscountPercent())
                .as("the version grants no online discount")
                .isZero();
        assertThat(draft.unitPath()).containsExactly("30", "298", "11077");
    }

    @Test
    void onlineDossierCarriesTheVersionsOnlineDiscountAndAPaperOneDoesNot() {
        Procedure discounted = version(50, new Procedure.Fee("Phí chứng thực bản sao (mỗi trang)", 2000, BASIS));

        assertThat(PaymentRequestDraft.forObligation(dossier(null, AN, Channel.ONLINE), discounted, PATH, "s", "r")
                        .orElseThrow()
                        .onlineDiscountPercent())
                .isEqualTo(50);
        for (Channel paper : List.of(Channel.COUNTER, Channel.POSTAL)) {
            assertThat(PaymentRequestDraft.forObligation(dossier(null, AN, paper), discounted, PATH, "s", "r")
                            .orElseThrow()
                            .onlineDiscountPercent())
                    .as(paper + " dossier: the discount rewards online submission")
                    .isZero();
        }
    }

    @Test
    void versionWithoutFeesOrWithOnlyExemptOnesOwesNothing() {
        assertThat(PaymentRequestDraft.forObligation(dossier(null, AN), version(), PATH, "s", "r"))
                .isEmpty();
        assertThat(PaymentRequestDraft.forObligation(
                        dossier(null, AN), version(new Procedure.Fee("Lệ phí (miễn)", 0, "")), PATH, "s", "r"))
                .isEmpty();
    }

    @Test
    void applicantWithoutCitizenIdPaysUnderTheDossiersStorageCodeBeforeAcceptance() {
        PaymentRequestDraft draft = PaymentRequestDraft.forObligation(
                        dossier(null, new Applicant("Công ty TNHH Minh An", null, null, null, null)),
                        version(new Procedure.Fee("Phí", 5000, "")),
                        PATH,
                        "s",
                        "r")
                .orElseThrow();
        assertThat(draft.payerCitizenId()).isEmpty();
        assertThat(draft.dossierCode()).isEqualTo("TN-260309-ABCD");
    }

    @Test
    void retriedWorkflowRequestDerivesTheSamePaymentRequestIdAndAnyOtherRequestAnother() {
        String first = PaymentRequestDraft.requestId("subject-1", "D1", "req-1");
        assertThat(PaymentRequestDraft.requestId("subject-1", "D1", "req-1")).isEqualTo(first);
        assertThat(first).hasSizeLessThanOrEqualTo(64).matches("[0-9a-f-]{36}");
        assertThat(List.of(
                        PaymentRequestDraft.requestId("subject-2", "D1", "req-1"),
                        PaymentRequestDraft.requestId("subject-1", "D2", "req-1"),
                        PaymentRequestDraft.requestId("subject-1", "D1", "req-2")))
                .doesNotContain(first)
                .doesNotHaveDuplicates();
    }

    @Test
    void workflowRequestWithoutIdGetsAFreshPaymentRequestIdEachTime() {
        assertThat(PaymentRequestDraft.requestId("s", "D1", ""))
                .isNotEqualTo(PaymentRequestDraft.requestId("s", "D1", ""));
        assertThat(PaymentRequestDraft.requestId("s", "D1", null))
                .isNotEqualTo(PaymentRequestDraft.requestId("s", "D1", null));
    }
}
