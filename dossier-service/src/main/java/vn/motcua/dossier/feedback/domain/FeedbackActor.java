package vn.motcua.dossier.feedback.domain;

import java.util.Objects;
import java.util.Set;
import vn.motcua.platform.auth.Roles;

/**
 * The caller as the feedback rules see it, from the token only.
 *
 * @param units     the officer's unit and every unit below it; empty for citizens
 * @param citizenId the citizen's CCCD, null for officers
 */
public record FeedbackActor(Set<String> roles, Set<String> units, String citizenId) {

    /** Officers who take in a written or phoned-in feedback: the one-stop desk and the TTHC control focal point. */
    public static final Set<String> INTAKE_ROLES = Set.of(Roles.RECEPTION_OFFICER, Roles.TTHC_CONTROLLER);

    public FeedbackActor {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    public boolean isController() {
        return roles.contains(Roles.TTHC_CONTROLLER);
    }

    public boolean isIntakeOfficer() {
        return roles.stream().anyMatch(INTAKE_ROLES::contains);
    }

    public boolean isCitizen() {
        return roles.contains(Roles.CITIZEN);
    }

    public boolean hasCitizenId() {
        return citizenId != null && !citizenId.isBlank();
    }

    public boolean covers(String unitCode) {
        return units.contains(unitCode);
    }

    /** The citizen who sent it online. */
    public boolean isSenderOf(Feedback feedback) {
        return isCitizen()
                && hasCitizenId()
                && Objects.equals(citizenId, feedback.sender().citizenId());
    }
}
