package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.platform.auth.Roles;

class FinalStatesTest {

    private final DossierStateMachine machine = new DossierStateMachine();

    @ParameterizedTest
    @EnumSource(
            value = DossierState.class,
            names = {"REFUSED", "REJECTED", "STOPPED", "WITHDRAWN", "RETURNED"})
    void finalStateAcceptsNoEventFromAnyone(DossierState state) {
        assertTrue(state.isFinal());
        // One actor holding every role, in every unit, owning the dossier, with every guard passing.
        ActorContext everyone = new ActorContext(Roles.ALL, "U1", TestFacts.APPLICANT_ID, Set.of("U1"));
        List<Executable> checks = new ArrayList<>();
        for (LegalRegime regime : LegalRegime.values()) {
            DossierFacts facts = TestFacts.passing().regime(regime).build();
            for (DossierEvent event : DossierEvent.values()) {
                checks.add(() -> {
                    var rejected = Decisions.assertRejected(
                            machine.decide(state, event, everyone, facts), RejectionKind.ILLEGAL_TRANSITION);
                    assertEquals(StatusCategory.FAILED_PRECONDITION, rejected.statusCategory());
                });
            }
        }
        assertAll(checks);
        assertTrue(machine.transitionsFrom(state).isEmpty());
    }

    @Test
    void onlyTheFiveEndStatesAreFinal() {
        Set<DossierState> finals = Set.of(
                DossierState.REFUSED,
                DossierState.REJECTED,
                DossierState.STOPPED,
                DossierState.WITHDRAWN,
                DossierState.RETURNED);
        for (DossierState s : DossierState.values()) {
            assertEquals(finals.contains(s), s.isFinal(), s.name());
        }
    }

    @Test
    void aRowLeavingAFinalStateCannotEvenBeBuilt() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Transition(
                        DossierState.RETURNED,
                        DossierEvent.APPRAISE,
                        DossierState.IN_PROCESS,
                        Set.of(Permit.HANDLING_SPECIALIST),
                        List.of(),
                        HandlingUnitEffect.UNCHANGED));
    }
}
