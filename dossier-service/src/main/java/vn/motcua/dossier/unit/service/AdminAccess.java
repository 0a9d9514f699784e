package vn.motcua.dossier.unit.service;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * Who may administer units and the work calendar: a unit_admin, within the subtree of the unit in the token (their
 * own unit and below). Nationwide calendar entries belong to administrators of a root unit (the province).
 */
@Singleton
public class AdminAccess {

    private final UnitDirectory units;

    public AdminAccess(UnitDirectory units) {
        this.units = units;
    }

    /** The caller as a unit administrator; anyone else is refused before any input is looked at. */
    public AdminScope requireAdmin(Caller caller) {
        if (!caller.hasRole(Roles.UNIT_ADMIN)) {
            throw DomainException.permissionDenied("administering units and the work calendar is for unit_admin");
        }
        String unit = caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
        UnitTree tree = units.tree();
        Set<String> subtree = tree.subtreeCodes(unit);
        if (subtree.isEmpty()) {
            throw DomainException.of(
                    ErrorKind.PERMISSION_DENIED,
                    ErrorReason.SCOPE_MISSING,
                    "the caller's unit " + unit + " is unknown");
        }
        boolean root = tree.find(unit).map(u -> u.parentCode() == null).orElse(false);
        return new AdminScope(unit, subtree, root);
    }

    /** An administrator's reach, from the token only. */
    public record AdminScope(String unitCode, Set<String> subtree, boolean root) {

        public void requireInside(String code, String what) {
            if (!subtree.contains(code)) {
                throw new DomainException(
                        ErrorKind.PERMISSION_DENIED,
                        ErrorReason.ROLE_NOT_ALLOWED,
                        what + " " + code + " is outside the subtree of the caller's unit " + unitCode,
                        Map.of("unit_code", unitCode),
                        List.of());
            }
        }

        public void requireRoot(String what) {
            if (!root) {
                throw new DomainException(
                        ErrorKind.PERMISSION_DENIED,
                        ErrorReason.ROLE_NOT_ALLOWED,
                        what + " is for administrators of a root unit (the province); the caller's unit is " + unitCode,
                        Map.of("unit_code", unitCode),
                        List.of());
            }
        }
    }
}
