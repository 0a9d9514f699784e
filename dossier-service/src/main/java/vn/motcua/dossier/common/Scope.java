package vn.motcua.dossier.common;

import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** What a caller may see and act on, derived from the token only: own unit and the units below it. */
public final class Scope {

    private Scope() {}

    /** An officer with a unit in the token; citizens and unit-less tokens are refused. */
    public static String requireOfficerUnit(Caller caller) {
        if (!caller.hasAnyRole(Roles.OFFICERS)) {
            throw DomainException.permissionDenied("this operation is for officers");
        }
        return caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
    }

    /**
     * A report viewer (a province official, the province's report puller) with no role that handles dossiers: it
     * reads statistics, never a dossier or the register, which carry applicants' personal data (architecture.md 5).
     */
    public static boolean readsStatisticsOnly(Caller caller) {
        return caller.hasRole(Roles.REPORT_VIEWER)
                && !caller.hasRole(Roles.CITIZEN)
                && Roles.OFFICERS.stream()
                        .filter(r -> !r.equals(Roles.REPORT_VIEWER))
                        .noneMatch(caller::hasRole);
    }
}
