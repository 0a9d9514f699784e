package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.dossier.domain.Decisions.assertAllowed;
import static vn.motcua.dossier.dossier.domain.Decisions.assertGuardFailed;
import static vn.motcua.dossier.dossier.domain.Decisions.assertRejected;
import static vn.motcua.dossier.dossier.domain.Decisions.officer;
import static vn.motcua.dossier.dossier.domain.DossierEvent.*;
import static vn.motcua.dossier.dossier.domain.DossierState.*;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.platform.auth.Roles;

/** Citizens act on their own dossiers only; officers on dossiers whose relevant unit is among theirs. */
class ActorScopeTest {

    private final DossierStateMachine machine = new DossierStateMachine();
    private final ActorContext stranger = ActorContext.citizen(TestFacts.OTHER_CITIZEN_ID);

    @Nested
    class CitizenOnSomeoneElsesDossier {
        @ParameterizedTest
        @CsvSource({
            ",                     SUBMIT_ONLINE",
            "PRE_SUPPLEMENT,       RESUBMIT",
            "SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED",
            "IN_PROCESS,           WITHDRAW",
            "SUBMITTED,            WITHDRAW"
        })
        void isRefusedAsNotOwnAndLooksNotFound(DossierState from, DossierEvent event) {
            var rejected = assertGuardFailed(
                    machine.decide(from, event, stranger, TestFacts.passing().build()), GuardFailure.NOT_OWN_DOSSIER);
            assertEquals(StatusCategory.NOT_FOUND, rejected.statusCategory());
        }

        @Test
        void aCitizenWithoutAnIdOwnsNothing() {
            var anonymous = ActorContext.citizen(null);
            var d = machine.decide(
                    IN_PROCESS,
                    WITHDRAW,
                    anonymous,
                    TestFacts.passing().applicant(null).build());
            assertGuardFailed(d, GuardFailure.NOT_OWN_DOSSIER);
        }

        @Test
        void theApplicantCanAnswerASupplementOnline() {
            var d = machine.decide(
                    SUPPLEMENT_REQUESTED,
                    SUPPLEMENT_RECEIVED,
                    ActorContext.citizen(TestFacts.APPLICANT_ID),
                    TestFacts.passing().build());
            assertAllowed(d, IN_PROCESS);
        }
    }

    @Nested
    class OfficerOfAnotherUnit {
        @ParameterizedTest
        @CsvSource({
            "reception_officer, ,                     RECEIVE_AT_COUNTER",
            "reception_officer, SUBMITTED,            ACCEPT",
            "reception_officer, RECEIVED,             TRANSFER",
            "reception_officer, RESULT_READY,         RETURN_RESULT",
            "reception_officer, IN_PROCESS,           WITHDRAW",
            "specialist,        IN_PROCESS,           APPRAISE",
            "unit_leader,       IN_PROCESS,           APPROVE",
            "clerk,             IN_PROCESS,           ISSUE_RESULT"
        })
        void isRefusedOutOfUnitAndLooksNotFound(String role, DossierState from, DossierEvent event) {
            var outsider = officer(role, "U9", "U9", "U9-1");
            var rejected = assertRejected(
                    machine.decide(from, event, outsider, TestFacts.passing().build()), RejectionKind.OUT_OF_UNIT);
            assertEquals(StatusCategory.NOT_FOUND, rejected.statusCategory());
            assertEquals("OUT_OF_UNIT", rejected.reasonCode());
        }

        @Test
        void anOfficerOfAParentUnitCanActInAUnitBelow() {
            var district = officer(Roles.SPECIALIST, "D1", "D1", "U1", "U2");
            assertAllowed(
                    machine.decide(
                            IN_PROCESS, APPRAISE, district, TestFacts.passing().build()),
                    IN_PROCESS);
        }

        @Test
        void theOwnUnitCountsEvenIfTheActableSetOmitsIt() {
            var officer = ActorContext.officer(Set.of(Roles.SPECIALIST), "U1", Set.of());
            assertAllowed(
                    machine.decide(
                            IN_PROCESS, APPRAISE, officer, TestFacts.passing().build()),
                    IN_PROCESS);
        }

        @Test
        void aDossierWithoutAHandlingUnitIsInNobodysUnit() {
            var d = machine.decide(
                    IN_PROCESS,
                    APPRAISE,
                    officer(Roles.SPECIALIST, "U1", "U1"),
                    TestFacts.passing().units("U1", "U1", null).build());
            assertRejected(d, RejectionKind.OUT_OF_UNIT);
        }
    }

    @Nested
    class BoundaryFreeDossier {
        // Received at commune C1, decided by commune C2 (phi địa giới).
        private final DossierFacts atReception =
                TestFacts.passing().units("C1", "C2", "C1").build();
        private final DossierFacts atCompetentUnit =
                TestFacts.passing().units("C1", "C2", "C2").build();
        private final ActorContext deskC1 = officer(Roles.RECEPTION_OFFICER, "C1", "C1");
        private final ActorContext deskC2 = officer(Roles.RECEPTION_OFFICER, "C2", "C2");

        @Test
        void factsKnowTheDossierIsBoundaryFree() {
            assertEquals(true, atReception.isBoundaryFree());
        }

        @Test
        void receptionCreatesTheDossierAtTheReceivingUnit() {
            var d = machine.decide(
                    null,
                    RECEIVE_AT_COUNTER,
                    deskC1,
                    TestFacts.passing().units("C1", "C2", null).build());
            assertEquals("C1", assertAllowed(d, RECEIVED).handlingUnitCodeAfter());
        }

        @Test
        void transferMovesHandlingToTheCompetentUnit() {
            var allowed = assertAllowed(machine.decide(RECEIVED, TRANSFER, deskC1, atReception), IN_PROCESS);
            assertEquals("C2", allowed.handlingUnitCodeAfter());
            assertEquals("dossier.transferred", allowed.feedEventType());
        }

        @Test
        void onlyTheReceivingDeskTransfers() {
            assertRejected(machine.decide(RECEIVED, TRANSFER, deskC2, atReception), RejectionKind.OUT_OF_UNIT);
        }

        @Test
        void afterTransferTheCompetentUnitProcessesAndTheReceivingUnitCannot() {
            assertAllowed(
                    machine.decide(IN_PROCESS, APPRAISE, officer(Roles.SPECIALIST, "C2", "C2"), atCompetentUnit),
                    IN_PROCESS);
            assertRejected(
                    machine.decide(IN_PROCESS, APPRAISE, officer(Roles.SPECIALIST, "C1", "C1"), atCompetentUnit),
                    RejectionKind.OUT_OF_UNIT);
        }

        @Test
        void issuingTheResultHandsTheDossierBackToTheReceivingUnit() {
            var allowed = assertAllowed(
                    machine.decide(IN_PROCESS, ISSUE_RESULT, officer(Roles.CLERK, "C2", "C2"), atCompetentUnit),
                    RESULT_READY);
            assertEquals("C1", allowed.handlingUnitCodeAfter());
        }

        @Test
        void theResultIsReturnedAtTheReceivingUnitNotTheCompetentOne() {
            DossierFacts resultBack = TestFacts.passing()
                    .units("C1", "C2", "C1")
                    .resultIssued(true)
                    .build();
            assertAllowed(machine.decide(RESULT_READY, RETURN_RESULT, deskC1, resultBack), RETURNED);
            assertRejected(machine.decide(RESULT_READY, RETURN_RESULT, deskC2, resultBack), RejectionKind.OUT_OF_UNIT);
        }

        @Test
        void theSupplementComesInAtTheReceivingDesk() {
            assertAllowed(
                    machine.decide(SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, deskC1, atCompetentUnit), IN_PROCESS);
            assertRejected(
                    machine.decide(SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, deskC2, atCompetentUnit),
                    RejectionKind.OUT_OF_UNIT);
        }

        @Test
        void onlyTheReceivingDeskRecordsTheApplicantsStopRequest() {
            // Circular 03/2025 Art 7(1): the one-stop unit that received the dossier records the request
            assertAllowed(machine.decide(IN_PROCESS, STOP, deskC1, atCompetentUnit), STOPPED);
            assertRejected(
                    machine.decide(IN_PROCESS, STOP, officer(Roles.RECEPTION_OFFICER, "C2", "C2"), atCompetentUnit),
                    RejectionKind.OUT_OF_UNIT);
        }
    }

    @Nested
    class MultiRoleActors {
        @Test
        void aLeaderWhoIsAlsoASpecialistCanDoBoth() {
            var both = ActorContext.officer(Set.of(Roles.SPECIALIST, Roles.UNIT_LEADER), "U1", Set.of("U1"));
            assertAllowed(
                    machine.decide(
                            IN_PROCESS, APPRAISE, both, TestFacts.passing().build()),
                    IN_PROCESS);
            assertAllowed(
                    machine.decide(
                            IN_PROCESS, APPROVE, both, TestFacts.passing().build()),
                    IN_PROCESS);
        }

        @Test
        void anyPermitThatFitsIsEnough() {
            // The desk officer of C1 is out of scope as leader of C1 (handling is C2) but in scope as the desk.
            var deskAndLeader =
                    ActorContext.officer(Set.of(Roles.RECEPTION_OFFICER, Roles.UNIT_LEADER), "C1", Set.of("C1"));
            assertAllowed(
                    machine.decide(
                            IN_PROCESS,
                            STOP,
                            deskAndLeader,
                            TestFacts.passing().units("C1", "C2", "C2").build()),
                    STOPPED);
        }
    }
}
