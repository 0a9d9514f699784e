package vn.motcua.dossier.dossier.domain;

/** Why a transition that exists, and that the actor's role may fire, is refused for this particular dossier. */
public enum GuardFailure {
    /** ND61 Art 19(4): the supplement request after appraisal must come within 3 working days of reception. */
    SUPPLEMENT_WINDOW_CLOSED(StatusCategory.FAILED_PRECONDITION),
    /** ND61 Art 19(9): one apology/extension only. */
    EXTENSION_ALREADY_USED(StatusCategory.FAILED_PRECONDITION),
    /** ND61 Art 19(9): the apology must be issued at least 1 day before the due date. */
    EXTENSION_TOO_LATE(StatusCategory.FAILED_PRECONDITION),
    /** Circular 03/2025 Art 7: stop (and, by the same logic, withdrawal) only while no decision/result exists. */
    RESULT_ALREADY_ISSUED(StatusCategory.FAILED_PRECONDITION),
    /** STOP exists only under Decree 118/2025. */
    REGIME_DISALLOWS_STOP(StatusCategory.FAILED_PRECONDITION),
    /**
     * A citizen acting on someone else's dossier. It is reported as a guard failure (so callers can tell it from an
     * officer's unit problem) but maps to NOT_FOUND: a citizen must not learn that another person's dossier exists.
     */
    NOT_OWN_DOSSIER(StatusCategory.NOT_FOUND);

    private final StatusCategory status;

    GuardFailure(StatusCategory status) {
        this.status = status;
    }

    public StatusCategory status() {
        return status;
    }
}
