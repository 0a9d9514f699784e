package vn.motcua.report.reception.domain;

import java.util.Set;

/**
 * Who may read reception statistics and how far down. Pure rules over what the token says; the lookups they need
 * (a unit's ancestors) are passed in.
 */
public final class ReportAccess {

    /** Realm roles of officers (architecture.md §5); each reads its own unit and the units below it. */
    public static final Set<String> OFFICER_ROLES = Set.of("reception_officer", "specialist", "unit_leader", "clerk",
            "tthc_controller", "unit_admin", "report_viewer");

    private ReportAccess() {
    }

    /**
     * Whether an officer of {@code callerUnit} may see {@code requestedUnit}: their own unit, or one whose recorded
     * ancestry contains theirs.
     */
    public static boolean covers(String callerUnit, String requestedUnit, Set<String> requestedAncestors) {
        return callerUnit.equals(requestedUnit) || requestedAncestors.contains(callerUnit);
    }
}
