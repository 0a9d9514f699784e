package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.dossier.domain.Decisions.assertAllowed;
import static vn.motcua.dossier.dossier.domain.Decisions.assertRejected;
import static vn.motcua.dossier.dossier.domain.Decisions.officer;
import static vn.motcua.dossier.dossier.domain.DossierEvent.*;
import static vn.motcua.dossier.dossier.domain.DossierState.*;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.platform.auth.Roles;

/** The lifecycle rules of issue 16, each named after the legal rule it proves. */
class LegalLifecycleRulesTest {

    private final DossierStateMachine machine = new DossierStateMachine();
    private final ActorContext desk = officer(Roles.RECEPTION_OFFICER, "U1", "U1");
    private final ActorContext leader = officer(Roles.UNIT_LEADER, "U1", "U1");
    private final ActorContext applicant = ActorContext.citizen(TestFacts.APPLICANT_ID);

    @Nested
    class RegimeFollowsTheDate {
        // Decree 118/2025 and Circular 03/2025 are in force from 1 July 2025; a dossier keeps the rules it was
        // received under (domain.md §0.2).
        @Test
        void theLastDayOfJune2025IsStillDecree61() {
            assertEquals(LegalRegime.REGIME_2018, LegalRegime.inForceOn(LocalDate.of(2025, 6, 30)));
        }

        @Test
        void theFirstOfJuly2025IsDecree118() {
            assertEquals(LegalRegime.REGIME_2025, LegalRegime.inForceOn(LocalDate.of(2025, 7, 1)));
        }

        @Test
        void aDemoOverrideForcesOneRegimeForNewDossiersOnly() {
            assertEquals(
                    LegalRegime.REGIME_2018,
                    RegimeSelection.forced(LegalRegime.REGIME_2018).forDossierFiledOn(LocalDate.of(2026, 3, 9)));
            assertEquals(LegalRegime.REGIME_2025, RegimeSelection.byDate().forDossierFiledOn(LocalDate.of(2026, 3, 9)));
        }
    }

    @Nested
    class PaperDossierBeforeAcceptance {
        // Decree 61/2018 Art 17(1)(a)-(c): at the counter (and by post, Decision 45/2016 Art 7(4)) the officer asks
        // for a supplement (Form 02) or refuses (Form 03) before accepting; the clock starts only when the dossier
        // is complete (Art 17(1)(c) issues Form 01 then).
        @ParameterizedTest
        @EnumSource(
                value = DossierEvent.class,
                names = {"RECEIVE_AT_COUNTER", "RECEIVE_BY_POST"})
        void completingAPreSupplementAtTheDeskStartsTheClock(DossierEvent event) {
            var allowed = assertAllowed(
                    machine.decide(
                            PRE_SUPPLEMENT, event, desk, TestFacts.passing().build()),
                    RECEIVED);
            assertEquals(DueEffect.CLOCK_STARTS, allowed.transition().dueEffect());
            assertEquals(DossierForm.FORM_01_RECEIPT, allowed.form());
        }

        @Test
        void aCounterSupplementRequestCreatesADossierWhoseClockHasNotStarted() {
            var allowed = assertAllowed(
                    machine.decide(
                            null,
                            REQUEST_PRE_SUPPLEMENT,
                            desk,
                            TestFacts.passing().build()),
                    PRE_SUPPLEMENT);
            assertEquals(DueEffect.UNCHANGED, allowed.transition().dueEffect());
            assertEquals(DossierForm.FORM_02_SUPPLEMENT, allowed.form());
        }
    }

    @Nested
    class StopUnder2025 {
        // Circular 03/2025 Art 7: a stop is requested by the applicant, online (7(2)) or directly / by post at the
        // one-stop unit (7(1)), and produces the stop notice and status 8.
        @ParameterizedTest
        @EnumSource(
                value = DossierState.class,
                names = {"RECEIVED", "IN_PROCESS", "SUPPLEMENT_REQUESTED", "AWAITING_PAYMENT"})
        void theApplicantMayRequestTheStopOnline(DossierState from) {
            var allowed = assertAllowed(
                    machine.decide(from, STOP, applicant, TestFacts.passing().build()), STOPPED);
            assertEquals(DossierForm.FORM_STOP_NOTICE, allowed.form());
            assertEquals(8, allowed.to().dvcqgStatusCode());
        }

        @Test
        void theHandlingLeaderCannotStopOnTheUnitsOwnInitiative() {
            assertRejected(
                    machine.decide(IN_PROCESS, STOP, leader, TestFacts.passing().build()),
                    RejectionKind.ROLE_NOT_ALLOWED);
        }

        @Test
        void theGroundsAnOfficerMayRecordAreTheApplicantsRequestOnly() {
            assertEquals(Set.of(StopGround.APPLICANT_REQUEST_DIRECT_OR_POSTAL), StopGround.recordableByOfficers());
            assertEquals(StopGround.APPLICANT_REQUEST_ONLINE, StopGround.forApplicant());
        }
    }

    @Nested
    class Refusal {
        // Decree 61/2018 Art 19(8): a dossier that is not eligible is refused with reasons; an abandoned supplement or
        // an unpaid obligation must have an exit, else the dossier stays open forever.
        @ParameterizedTest
        @EnumSource(
                value = DossierState.class,
                names = {"SUPPLEMENT_REQUESTED", "AWAITING_PAYMENT"})
        void isAllowedWhileWaitingOnTheApplicant(DossierState from) {
            var allowed = assertAllowed(
                    machine.decide(from, REFUSE, leader, TestFacts.passing().build()), REFUSED);
            assertEquals(PauseEffect.ENDS_PAUSE, allowed.transition().pauseEffect());
        }
    }
}
