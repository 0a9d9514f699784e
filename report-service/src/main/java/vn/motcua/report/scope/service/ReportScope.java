package vn.motcua.report.scope.service;

import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.report.reception.domain.ReportAccess;
import vn.motcua.report.scope.repository.UnitTreeRepository;

/**
 * The one home of "which units may this caller read": an officer (any public-servant role, report_viewer included,
 * a person or a client-credentials machine) reads its own unit and every unit below it. A commune officer thus sees
 * only their commune, a district's report_viewer its subtree, the province's the whole province.
 */
@Singleton
public class ReportScope {

    private final UnitTreeRepository units;

    public ReportScope(UnitTreeRepository units) {
        this.units = units;
    }

    /**
     * @param requestedUnit blank means the caller's own unit
     * @return the unit asked for
     * @throws DomainException PERMISSION_DENIED for a caller who is not an officer or has no unit; NOT_FOUND for a unit
     *                         outside the caller's subtree or unknown (indistinguishable on purpose)
     */
    public UnitNode readable(Caller caller, String requestedUnit) {
        String callerUnit = callerUnit(caller);
        String unit = requestedUnit == null || requestedUnit.isBlank() ? callerUnit : requestedUnit.strip();
        if (!unit.equals(callerUnit) && !ReportAccess.covers(callerUnit, unit, units.ancestorsOf(unit))) {
            throw DomainException.notFound("unit " + unit);
        }
        return units.find(unit).orElseGet(() -> new UnitNode(unit, unit, 0, null, 0));
    }

    /**
     * Whether {@link #readable} would answer {@code unit}: false where it answers NOT_FOUND, for callers that decide
     * between several sides of one resource (an issuer's view or an assignee's). Its other refusals propagate.
     */
    public boolean covers(Caller caller, String unit) {
        try {
            readable(caller, unit);
            return true;
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** {@link #readable} and every unit below it, parents first (see {@link UnitTreeRepository#subtree}). */
    public List<UnitNode> readableSubtree(Caller caller, String requestedUnit) {
        UnitNode root = readable(caller, requestedUnit);
        List<UnitNode> tree = units.subtree(root.code());
        return tree.isEmpty() ? List.of(root) : tree;
    }

    /** Whether the caller holds {@code role} for {@code unit}: the role, and the unit in the caller's subtree. */
    public UnitNode actingFor(Caller caller, String role, String requestedUnit) {
        if (!caller.hasRole(role)) {
            throw DomainException.permissionDenied("this needs the role " + role);
        }
        return readable(caller, requestedUnit);
    }

    private static String callerUnit(Caller caller) {
        if (!caller.hasAnyRole(Roles.OFFICERS)) {
            throw DomainException.permissionDenied("reports are for public servants");
        }
        return caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
    }
}
