package vn.motcua.dossier.common;

import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Roles;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

import java.util.Set;

/** What a caller may see and act on, derived from the token only: own unit and the units below it. */
public final class Scope {

    public static final Set<String> OFFICER_ROLES = Set.of(Roles.RECEPTION_OFFICER, Roles.SPECIALIST,
            Roles.UNIT_LEADER, Roles.CLERK, Roles.TTHC_CONTROLLER, Roles.UNIT_ADMIN, Roles.REPORT_VIEWER);

    private Scope() {
    }

    /** An officer with a unit in the token; citizens and unit-less tokens are refused. */
    public static String requireOfficerUnit(Caller caller) {
        if (!caller.hasAnyRole(OFFICER_ROLES)) {
            throw DomainException.permissionDenied("this operation is for officers");
        }
        return caller.unit().orElseThrow(() -> DomainException.of(ErrorKind.PERMISSION_DENIED,
                ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
    }

    /**
     * A report viewer (a province official, the province's report puller) with no role that handles dossiers: it
     * reads statistics, never a dossier or the register, which carry applicants' personal data (architecture.md 5).
     */
    public static boolean readsStatisticsOnly(Caller caller) {
        return caller.hasRole(Roles.REPORT_VIEWER) && !caller.hasRole(Roles.CITIZEN)
                && OFFICER_ROLES.stream().filter(r -> !r.equals(Roles.REPORT_VIEWER)).noneMatch(caller::hasRole);
    }

    public static ActorContext actor(Caller caller, UnitTree units) {
        if (caller.unit().isPresent()) {
            return new ActorContext(caller.roles(), caller.unitCode(), caller.citizenId(),
                    units.subtreeCodes(caller.unitCode()));
        }
        return new ActorContext(caller.roles(), null, caller.citizenId(), Set.of());
    }
}
