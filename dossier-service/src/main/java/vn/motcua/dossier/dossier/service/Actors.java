package vn.motcua.dossier.dossier.service;

import java.util.Set;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;

/** The state machine's view of a caller: token roles and unit, plus the units below it that the caller may act in. */
final class Actors {

    private Actors() {}

    static ActorContext actor(Caller caller, UnitTree units) {
        if (caller.unit().isPresent()) {
            return new ActorContext(
                    caller.roles(), caller.unitCode(), caller.citizenId(), units.subtreeCodes(caller.unitCode()));
        }
        return new ActorContext(caller.roles(), null, caller.citizenId(), Set.of());
    }
}
