package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Set;

/** Small assertion helpers shared by the behaviour tests. */
final class Decisions {
    private Decisions() {}

    static ActorContext officer(String role, String unit, String... actableUnits) {
        return ActorContext.officer(Set.of(role), unit, Set.of(actableUnits));
    }

    static TransitionDecision.Allowed assertAllowed(TransitionDecision decision, DossierState expectedTo) {
        var allowed = assertInstanceOf(TransitionDecision.Allowed.class, decision, () -> "got " + decision);
        assertEquals(expectedTo, allowed.to());
        return allowed;
    }

    static TransitionDecision.Rejected assertGuardFailed(TransitionDecision decision, GuardFailure expected) {
        var rejected = assertInstanceOf(TransitionDecision.Rejected.class, decision, () -> "got " + decision);
        assertEquals(RejectionKind.GUARD_FAILED, rejected.kind());
        assertEquals(expected, rejected.guardFailure());
        assertEquals(expected.name(), rejected.reasonCode());
        return rejected;
    }

    static TransitionDecision.Rejected assertRejected(TransitionDecision decision, RejectionKind expected) {
        var rejected = assertInstanceOf(TransitionDecision.Rejected.class, decision, () -> "got " + decision);
        assertEquals(expected, rejected.kind());
        return rejected;
    }
}
