package vn.motcua.dossier.dossier.domain;

/**
 * Which part of the dossier an actor must be attached to for a permit to apply. The same event can be permitted
 * through two doors with different scopes (a withdrawal by the citizen online, or by the one-stop officer on the
 * citizen's written request), which is why the scope sits on the permit and not on the transition.
 */
public enum ActorScope {
    /** A citizen acting on a dossier where they are the applicant. */
    OWN_DOSSIER,
    /** An officer whose actable units include the dossier's receiving unit (one-stop desk work). */
    RECEIVING_UNIT,
    /** An officer whose actable units include the unit currently handling the dossier (processing work). */
    HANDLING_UNIT;

    boolean admits(ActorContext actor, DossierFacts facts) {
        return switch (this) {
            case OWN_DOSSIER -> actor.isCitizen(facts.applicantCitizenId());
            case RECEIVING_UNIT -> actor.canActIn(facts.receivingUnitCode());
            case HANDLING_UNIT -> actor.canActIn(facts.currentHandlingUnitCode());
        };
    }
}
