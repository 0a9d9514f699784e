package vn.motcua.dossier.catalog.service;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * Who may manage the catalogue: a TTHC controller (đầu mối kiểm soát TTHC), within the subtree of the unit in
 * their token. A controller manages a procedure only if every unit receiving it, in the version at hand and in the
 * current one-stop listing, lies in that subtree; so a commune's controller manages what only their commune
 * receives, a district's what its communes receive, a province's everything below it. Reads for controllers
 * (export, review) cover every procedure received somewhere in the subtree.
 */
@Singleton
public class CatalogAccess {

    private final UnitDirectory units;

    public CatalogAccess(UnitDirectory units) {
        this.units = units;
    }

    /** The caller as a TTHC controller; anyone else is refused before any input is looked at. */
    public ControllerScope requireController(Caller caller) {
        if (!caller.hasRole(Roles.TTHC_CONTROLLER)) {
            throw DomainException.permissionDenied("managing the procedure catalogue is for TTHC controllers");
        }
        String unit = caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
        Set<String> subtree = units.tree().subtreeCodes(unit);
        if (subtree.isEmpty()) {
            throw DomainException.of(
                    ErrorKind.PERMISSION_DENIED,
                    ErrorReason.SCOPE_MISSING,
                    "the caller's unit " + unit + " is unknown");
        }
        return new ControllerScope(unit, subtree, units.tree().path(unit).get(0));
    }

    /** A controller's reach, from the token only. */
    public record ControllerScope(String unitCode, Set<String> subtree, String rootUnitCode) {

        /** Refuses unless every unit is in the subtree; {@code where} prefixes the message ("row 7: "). */
        public void requireManages(String where, String procedureCode, Collection<String> unitCodes) {
            List<String> outside = unitCodes.stream()
                    .filter(u -> !subtree.contains(u))
                    .distinct()
                    .sorted()
                    .toList();
            if (!outside.isEmpty()) {
                throw new DomainException(
                        ErrorKind.PERMISSION_DENIED,
                        ErrorReason.ROLE_NOT_ALLOWED,
                        where + "procedure " + procedureCode + " is received at unit(s) " + String.join(", ", outside)
                                + ", outside the caller's unit " + unitCode,
                        Map.of("unit_code", unitCode),
                        List.of());
            }
        }

        public boolean manages(Collection<String> unitCodes) {
            return subtree.containsAll(unitCodes);
        }

        public boolean reaches(Collection<String> unitCodes) {
            return unitCodes.stream().anyMatch(subtree::contains);
        }
    }
}
