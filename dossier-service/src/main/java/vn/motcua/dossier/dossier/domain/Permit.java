package vn.motcua.dossier.dossier.domain;

import java.util.Objects;
import vn.motcua.platform.auth.Roles;

/** One way in: holding {@code role} and being inside {@code scope} lets the actor fire the transition. */
public record Permit(String role, ActorScope scope) {

    public Permit {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        // A citizen has no unit, and an officer is never "the applicant" of the dossiers they handle.
        if (Roles.CITIZEN.equals(role) != (scope == ActorScope.OWN_DOSSIER)) {
            throw new IllegalArgumentException(
                    "citizen permits, and only they, use OWN_DOSSIER: " + role + "/" + scope);
        }
    }

    /** The applicant themself, online. */
    public static final Permit APPLICANT = new Permit(Roles.CITIZEN, ActorScope.OWN_DOSSIER);
    /** The one-stop desk (BPMC / TTPVHCC) of the receiving unit. */
    public static final Permit RECEPTION_DESK = new Permit(Roles.RECEPTION_OFFICER, ActorScope.RECEIVING_UNIT);

    public static final Permit HANDLING_SPECIALIST = new Permit(Roles.SPECIALIST, ActorScope.HANDLING_UNIT);
    public static final Permit HANDLING_LEADER = new Permit(Roles.UNIT_LEADER, ActorScope.HANDLING_UNIT);
    public static final Permit HANDLING_CLERK = new Permit(Roles.CLERK, ActorScope.HANDLING_UNIT);
}
