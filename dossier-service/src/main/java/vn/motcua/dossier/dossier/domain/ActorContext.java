package vn.motcua.dossier.dossier.domain;

import java.util.Objects;
import java.util.Set;
import vn.motcua.platform.auth.Roles;

/**
 * Who is acting, taken from the validated token only (architecture.md §5), never from a request field.
 *
 * @param roles           realm roles
 * @param unitCode        the officer's own administrative unit; null for citizens
 * @param citizenId       CCCD of a citizen; null for officers
 * @param actableUnitCodes units the actor may act in: their own unit plus, for roles that reach down, the units
 *                        below it. Computed by the unit tree elsewhere so this class stays free of hierarchy logic.
 */
public record ActorContext(Set<String> roles, String unitCode, String citizenId, Set<String> actableUnitCodes) {

    public ActorContext {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        actableUnitCodes = actableUnitCodes == null ? Set.of() : Set.copyOf(actableUnitCodes);
    }

    public static ActorContext citizen(String citizenId) {
        return new ActorContext(Set.of(Roles.CITIZEN), null, citizenId, Set.of());
    }

    public static ActorContext officer(Set<String> roles, String unitCode, Set<String> actableUnitCodes) {
        return new ActorContext(roles, unitCode, null, actableUnitCodes);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The own unit counts even if the caller forgot to put it into the set: that omission must not lock anyone out. */
    public boolean canActIn(String dossierUnitCode) {
        return dossierUnitCode != null
                && (actableUnitCodes.contains(dossierUnitCode) || dossierUnitCode.equals(unitCode));
    }

    public boolean isCitizen(String applicantCitizenId) {
        return citizenId != null && Objects.equals(citizenId, applicantCitizenId);
    }
}
