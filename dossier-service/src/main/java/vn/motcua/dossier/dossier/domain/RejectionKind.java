package vn.motcua.dossier.dossier.domain;

/**
 * The four ways a request can be refused, checked in this order. The order matters: a wrong state is reported
 * before a wrong role, so a user is not told "you may not" for something nobody may do now.
 * (Whether the dossier is visible at all is decided earlier, by the scoped repository query.)
 */
public enum RejectionKind {
    /** No row for (state, event): nobody may do this now. */
    ILLEGAL_TRANSITION(StatusCategory.FAILED_PRECONDITION),
    /** The row exists but none of the actor's roles is permitted. */
    ROLE_NOT_ALLOWED(StatusCategory.PERMISSION_DENIED),
    /** An officer with the right role, but the dossier's relevant unit is not among theirs. */
    OUT_OF_UNIT(StatusCategory.NOT_FOUND),
    /** A business precondition failed; see {@link GuardFailure}. */
    GUARD_FAILED(StatusCategory.FAILED_PRECONDITION);

    private final StatusCategory status;

    RejectionKind(StatusCategory status) {
        this.status = status;
    }

    public StatusCategory status() {
        return status;
    }
}
