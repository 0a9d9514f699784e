package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.dossier.domain.Decisions.assertAllowed;
import static vn.motcua.dossier.dossier.domain.Decisions.assertGuardFailed;
import static vn.motcua.dossier.dossier.domain.Decisions.officer;
import static vn.motcua.dossier.dossier.domain.DossierEvent.*;
import static vn.motcua.dossier.dossier.domain.DossierState.*;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.platform.auth.Roles;

class TransitionGuardsTest {

    private final DossierStateMachine machine = new DossierStateMachine();
    private final ActorContext specialist = officer(Roles.SPECIALIST, "U1", "U1");
    private final ActorContext leader = officer(Roles.UNIT_LEADER, "U1", "U1");
    private final ActorContext desk = officer(Roles.RECEPTION_OFFICER, "U1", "U1");
    private final ActorContext applicant = ActorContext.citizen(TestFacts.APPLICANT_ID);

    @Nested
    class SupplementRequestAfterAppraisal {
        @Test
        void isAllowedWithinThreeWorkingDaysOfReception() {
            var d = machine.decide(
                    IN_PROCESS,
                    REQUEST_SUPPLEMENT,
                    specialist,
                    TestFacts.passing().build());
            var allowed = assertAllowed(d, SUPPLEMENT_REQUESTED);
            assertEquals(DossierForm.FORM_02_SUPPLEMENT, allowed.form());
            assertEquals("dossier.supplement_requested", allowed.feedEventType());
        }

        @Test
        void isRefusedOnceTheWindowHasClosed() {
            var d = machine.decide(
                    IN_PROCESS,
                    REQUEST_SUPPLEMENT,
                    specialist,
                    TestFacts.passing().withinSupplementWindow(false).build());
            var rejected = assertGuardFailed(d, GuardFailure.SUPPLEMENT_WINDOW_CLOSED);
            assertEquals(StatusCategory.FAILED_PRECONDITION, rejected.statusCategory());
        }

        @Test
        void windowDoesNotConstrainThePreAcceptanceSupplement() {
            // Before acceptance the clock has not started; the 3-day rule is about appraisal (Art 19(4)).
            var d = machine.decide(
                    SUBMITTED,
                    REQUEST_PRE_SUPPLEMENT,
                    desk,
                    TestFacts.passing().withinSupplementWindow(false).build());
            assertAllowed(d, PRE_SUPPLEMENT);
        }
    }

    @Nested
    class ApologyAndExtension {
        @Test
        void firstTimelyApologyIsAllowedAndProducesForm04() {
            var d = machine.decide(
                    IN_PROCESS,
                    APOLOGISE_AND_EXTEND,
                    leader,
                    TestFacts.passing().build());
            assertEquals(
                    DossierForm.FORM_04_APOLOGY, assertAllowed(d, IN_PROCESS).form());
        }

        @Test
        void secondApologyIsRefused() {
            var d = machine.decide(
                    IN_PROCESS,
                    APOLOGISE_AND_EXTEND,
                    leader,
                    TestFacts.passing().extensionUsed(true).build());
            assertGuardFailed(d, GuardFailure.EXTENSION_ALREADY_USED);
        }

        @Test
        void apologyLessThanOneWorkingDayBeforeDueIsRefused() {
            var d = machine.decide(
                    IN_PROCESS,
                    APOLOGISE_AND_EXTEND,
                    leader,
                    TestFacts.passing().atLeastOneWorkingDayBeforeDue(false).build());
            assertGuardFailed(d, GuardFailure.EXTENSION_TOO_LATE);
        }

        @Test
        void aSecondApologyIsReportedAsSuchEvenWhenItIsAlsoLate() {
            var d = machine.decide(
                    IN_PROCESS,
                    APOLOGISE_AND_EXTEND,
                    leader,
                    TestFacts.passing()
                            .extensionUsed(true)
                            .atLeastOneWorkingDayBeforeDue(false)
                            .build());
            assertGuardFailed(d, GuardFailure.EXTENSION_ALREADY_USED);
        }
    }

    @Nested
    class Stop {
        @ParameterizedTest
        @EnumSource(
                value = DossierState.class,
                names = {"RECEIVED", "IN_PROCESS", "SUPPLEMENT_REQUESTED", "AWAITING_PAYMENT"})
        void isAllowedUnder2025AndProducesTheStopNotice(DossierState from) {
            var d = machine.decide(from, STOP, desk, TestFacts.passing().build());
            var allowed = assertAllowed(d, STOPPED);
            assertEquals(DossierForm.FORM_STOP_NOTICE, allowed.form());
            assertEquals("05", allowed.form().templateNumber(LegalRegime.REGIME_2025));
            assertEquals(8, allowed.to().dvcqgStatusCode());
        }

        @Test
        void isRefusedUnder2018ForTheDesk() {
            var d = machine.decide(
                    IN_PROCESS,
                    STOP,
                    desk,
                    TestFacts.passing().regime(LegalRegime.REGIME_2018).build());
            assertGuardFailed(d, GuardFailure.REGIME_DISALLOWS_STOP);
        }

        @Test
        void isRefusedUnder2018ForTheDeskToo() {
            var d = machine.decide(
                    RECEIVED,
                    STOP,
                    desk,
                    TestFacts.passing().regime(LegalRegime.REGIME_2018).build());
            assertGuardFailed(d, GuardFailure.REGIME_DISALLOWS_STOP);
        }

        @Test
        void isRefusedOnceAResultHasBeenIssued() {
            var d = machine.decide(
                    IN_PROCESS,
                    STOP,
                    desk,
                    TestFacts.passing().resultIssued(true).build());
            assertGuardFailed(d, GuardFailure.RESULT_ALREADY_ISSUED);
        }

        @Test
        void isNotPossibleOnceTheResultIsReady() {
            var d = machine.decide(
                    RESULT_READY,
                    STOP,
                    desk,
                    TestFacts.passing().resultIssued(true).build());
            Decisions.assertRejected(d, RejectionKind.ILLEGAL_TRANSITION);
        }

        @Test
        void stopUnder2018AfterAResultReportsTheRegimeFirst() {
            // The regime makes the whole event meaningless; the result is a secondary detail.
            var d = machine.decide(
                    IN_PROCESS,
                    STOP,
                    desk,
                    TestFacts.passing()
                            .regime(LegalRegime.REGIME_2018)
                            .resultIssued(true)
                            .build());
            assertGuardFailed(d, GuardFailure.REGIME_DISALLOWS_STOP);
        }
    }

    @Nested
    class Withdraw {
        @ParameterizedTest
        @EnumSource(LegalRegime.class)
        void isAllowedInBothRegimesAndSyncsSeven(LegalRegime regime) {
            var d = machine.decide(
                    IN_PROCESS,
                    WITHDRAW,
                    applicant,
                    TestFacts.passing().regime(regime).build());
            var allowed = assertAllowed(d, WITHDRAWN);
            assertEquals(7, allowed.to().dvcqgStatusCode());
            assertEquals(DossierForm.NONE, allowed.form());
        }

        @Test
        void isRefusedOnceAResultHasBeenIssued() {
            var d = machine.decide(
                    IN_PROCESS,
                    WITHDRAW,
                    applicant,
                    TestFacts.passing().resultIssued(true).build());
            assertGuardFailed(d, GuardFailure.RESULT_ALREADY_ISSUED);
        }

        @Test
        void isNotPossibleWhenTheResultIsReady() {
            var d = machine.decide(
                    RESULT_READY, WITHDRAW, applicant, TestFacts.passing().build());
            Decisions.assertRejected(d, RejectionKind.ILLEGAL_TRANSITION);
        }
    }

    @Nested
    class GuardsComeAfterScope {
        @Test
        void anOfficerOfAnotherUnitLearnsNothingAboutTheGuard() {
            var outsider = officer(Roles.SPECIALIST, "U9", "U9");
            var d = machine.decide(
                    IN_PROCESS,
                    REQUEST_SUPPLEMENT,
                    outsider,
                    TestFacts.passing().withinSupplementWindow(false).build());
            Decisions.assertRejected(d, RejectionKind.OUT_OF_UNIT);
        }

        @Test
        void aWrongRoleIsReportedBeforeTheGuard() {
            var d = machine.decide(
                    IN_PROCESS,
                    APOLOGISE_AND_EXTEND,
                    specialist,
                    TestFacts.passing().extensionUsed(true).build());
            Decisions.assertRejected(d, RejectionKind.ROLE_NOT_ALLOWED);
        }
    }
}
