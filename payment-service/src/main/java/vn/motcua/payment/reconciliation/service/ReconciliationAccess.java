package vn.motcua.payment.reconciliation.service;

import java.util.Set;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * Who reconciles: the unit's reception officers (who take the payments) and its leaders, for their own unit (the
 * token's unit_code). payment-service keeps no unit tree, so a unit above does not reach a unit's reconciliation.
 * Other roles are refused outright; another unit is NOT_FOUND, as anything outside the caller's scope.
 */
final class ReconciliationAccess {

    static final Set<String> ROLES = Set.of(Roles.RECEPTION_OFFICER, Roles.UNIT_LEADER);

    private ReconciliationAccess() {}

    static void requireRole(Caller caller) {
        if (!caller.hasAnyRole(ROLES)) {
            throw DomainException.permissionDenied("reconciliation needs the role reception_officer or unit_leader");
        }
        if (caller.unit().isEmpty()) {
            throw DomainException.of(
                    ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code");
        }
    }

    static void requireUnit(Caller caller, String unitCode) {
        if (!caller.unit().map(unitCode::equals).orElse(false)) {
            throw DomainException.notFound("unit " + unitCode);
        }
    }
}
