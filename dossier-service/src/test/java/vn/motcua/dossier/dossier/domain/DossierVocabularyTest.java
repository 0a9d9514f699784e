package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.platform.auth.Roles;

/** DVCQG codes, labels, feed event types and forms: the contract other services and the national portal see. */
class DossierVocabularyTest {

    @ParameterizedTest
    @CsvSource({
        "SUBMITTED,            1,  false, Mới đăng ký",
        "PRE_SUPPLEMENT,       5,  false, Yêu cầu bổ sung hồ sơ trước khi tiếp nhận",
        "RECEIVED,             2,  false, Đã tiếp nhận",
        "IN_PROCESS,           4,  false, Đang xử lý",
        "SUPPLEMENT_REQUESTED, 5,  false, Yêu cầu bổ sung giấy tờ",
        "AWAITING_PAYMENT,     6,  false, Chờ thực hiện nghĩa vụ tài chính",
        "REFUSED,              9,  true,  Từ chối giải quyết",
        "REJECTED,             3,  true,  Không được tiếp nhận",
        "STOPPED,              8,  true,  Dừng xử lý",
        "WITHDRAWN,            7,  true,  Đã rút hồ sơ",
        "RESULT_READY,         9,  false, Đã xử lý xong",
        "RETURNED,             10, true,  Đã trả kết quả"
    })
    void stateSyncsTheDvcqgCodeAndShowsAVietnameseLabel(DossierState state, int code, boolean isFinal, String label) {
        assertEquals(code, state.dvcqgStatusCode());
        assertEquals(isFinal, state.isFinal());
        assertEquals(label, state.labelVi());
    }

    @ParameterizedTest
    @CsvSource({
        "SUBMIT_ONLINE,                dossier.submitted,                     NONE",
        "ACCEPT,                       dossier.received,                      FORM_01_RECEIPT",
        "REQUEST_PRE_SUPPLEMENT,       dossier.pre_supplement_requested,      FORM_02_SUPPLEMENT",
        "RESUBMIT,                     dossier.resubmitted,                   NONE",
        "REJECT,                       dossier.rejected,                      FORM_03_REFUSAL",
        "RECEIVE_AT_COUNTER,           dossier.received,                      FORM_01_RECEIPT",
        "RECEIVE_BY_POST,              dossier.received,                      FORM_01_RECEIPT",
        "TRANSFER,                     dossier.transferred,                   NONE",
        "ASSIGN,                       dossier.assigned,                      NONE",
        "APPRAISE,                     dossier.appraised,                     NONE",
        "REQUEST_CONSULTATION,         dossier.consultation_requested,        NONE",
        "ANSWER_CONSULTATION,          dossier.consultation_answered,         NONE",
        "FORWARD_INTER_AGENCY,         dossier.forwarded_inter_agency,        NONE",
        "SUBMIT_FOR_APPROVAL,          dossier.submitted_for_approval,        NONE",
        "APPROVE,                      dossier.approved,                      NONE",
        "REQUEST_SUPPLEMENT,           dossier.supplement_requested,          FORM_02_SUPPLEMENT",
        "SUPPLEMENT_RECEIVED,          dossier.supplement_received,           NONE",
        "REFUSE,                       dossier.refused,                       FORM_03_REFUSAL",
        "APOLOGISE_AND_EXTEND,         dossier.deadline_extended,             FORM_04_APOLOGY",
        "REQUIRE_FINANCIAL_OBLIGATION, dossier.financial_obligation_required, NONE",
        "OBLIGATION_FULFILLED,         dossier.financial_obligation_fulfilled, NONE",
        "WITHDRAW,                     dossier.withdrawn,                     NONE",
        "STOP,                         dossier.stopped,                       FORM_STOP_NOTICE",
        "ISSUE_RESULT,                 dossier.result_issued,                 NONE",
        "RETURN_RESULT,                dossier.result_returned,               NONE"
    })
    void eventNamesItsFeedEventTypeAndForm(DossierEvent event, String feedEventType, DossierForm form) {
        assertEquals(feedEventType, event.feedEventType());
        assertEquals(form, event.form());
    }

    @Test
    void everyEventIsCoveredByTheVocabularyTable() {
        assertEquals(25, DossierEvent.values().length);
    }

    @ParameterizedTest
    @CsvSource({
        "FORM_01_RECEIPT,    01, 01",
        "FORM_02_SUPPLEMENT, 02, 02",
        "FORM_03_REFUSAL,    03, 03",
        "FORM_04_APOLOGY,    04, 04",
        "FORM_STOP_NOTICE,   ,   05",
        "NONE,               ,   "
    })
    void formNumberDependsOnTheRegime(DossierForm form, String n2018, String n2025) {
        assertEquals(n2018, form.templateNumber(LegalRegime.REGIME_2018));
        assertEquals(n2025, form.templateNumber(LegalRegime.REGIME_2025));
    }

    @Test
    void rejectionKindsMapToGrpcCategories() {
        assertEquals(StatusCategory.FAILED_PRECONDITION, RejectionKind.ILLEGAL_TRANSITION.status());
        assertEquals(StatusCategory.PERMISSION_DENIED, RejectionKind.ROLE_NOT_ALLOWED.status());
        assertEquals(StatusCategory.NOT_FOUND, RejectionKind.OUT_OF_UNIT.status());
        assertEquals(StatusCategory.FAILED_PRECONDITION, RejectionKind.GUARD_FAILED.status());
        for (GuardFailure g : GuardFailure.values()) {
            StatusCategory expected =
                    g == GuardFailure.NOT_OWN_DOSSIER ? StatusCategory.NOT_FOUND : StatusCategory.FAILED_PRECONDITION;
            assertEquals(expected, g.status(), g.name());
        }
    }

    @Test
    void rejectionKeepsGuardFailureAndKindConsistent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TransitionDecision.Rejected(
                        RejectionKind.GUARD_FAILED, null, DossierState.IN_PROCESS, DossierEvent.STOP));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TransitionDecision.Rejected(
                        RejectionKind.OUT_OF_UNIT,
                        GuardFailure.NOT_OWN_DOSSIER,
                        DossierState.IN_PROCESS,
                        DossierEvent.STOP));
    }

    @Test
    void factsRequireARegime() {
        assertThrows(
                NullPointerException.class,
                () -> DossierFacts.builder()
                        .receivingUnitCode("U1")
                        .competentUnitCode("U1")
                        .currentHandlingUnitCode("U1")
                        .applicantCitizenId("x")
                        .withinSupplementWindow(true)
                        .atLeastOneWorkingDayBeforeDue(true)
                        .build());
    }

    @Test
    void permitsTieCitizensToOwnershipAndOfficersToUnits() {
        assertThrows(IllegalArgumentException.class, () -> new Permit(Roles.CITIZEN, ActorScope.RECEIVING_UNIT));
        assertThrows(IllegalArgumentException.class, () -> new Permit(Roles.SPECIALIST, ActorScope.OWN_DOSSIER));
        assertEquals(8, Roles.ALL.size());
        assertEquals(Set.of(), ActorContext.citizen("x").actableUnitCodes());
        assertNull(ActorContext.citizen("x").unitCode());
    }
}
