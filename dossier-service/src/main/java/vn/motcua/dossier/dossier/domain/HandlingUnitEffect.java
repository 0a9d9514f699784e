package vn.motcua.dossier.dossier.domain;

/** How a transition moves the "currently handling" unit (see {@link DossierFacts} on boundary-free processing). */
public enum HandlingUnitEffect {
    UNCHANGED,
    /** The dossier sits at the one-stop desk: on creation, and when the result comes back for return. */
    TO_RECEIVING_UNIT,
    /** TRANSFER: processing moves to the competent unit, which may be another commune or district. */
    TO_COMPETENT_UNIT;

    String apply(DossierFacts facts) {
        return switch (this) {
            case UNCHANGED -> facts.currentHandlingUnitCode();
            case TO_RECEIVING_UNIT -> facts.receivingUnitCode();
            case TO_COMPETENT_UNIT -> facts.competentUnitCode();
        };
    }
}
