package vn.motcua.report.reception.domain;

import java.util.Set;

/**
 * Who may read reception statistics and how far down. Pure rules over what the token says; the lookups they need
 * (a unit's ancestors) are passed in. Which roles are officers' is platform's {@code Roles.OFFICERS}, applied by the
 * service (this package stays free of platform.auth); each officer reads its own unit and the units below it.
 */
public final class ReportAccess {

    private ReportAccess() {}

    /**
     * Whether an officer of {@code callerUnit} may see {@code requestedUnit}: their own unit, or one whose recorded
     * ancestry contains theirs.
     */
    public static boolean covers(String callerUnit, String requestedUnit, Set<String> requestedAncestors) {
        return callerUnit.equals(requestedUnit) || requestedAncestors.contains(callerUnit);
    }
}
