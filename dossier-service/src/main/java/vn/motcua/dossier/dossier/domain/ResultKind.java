package vn.motcua.dossier.dossier.domain;

/**
 * How a dossier ended, as reports count it (form II.06a, Decision 766): a result issued, refused after appraisal,
 * rejected at reception, withdrawn by the applicant or stopped (2025). A function of the state, so it needs no
 * column of its own.
 */
public enum ResultKind {
    ISSUED,
    REFUSED,
    REJECTED,
    WITHDRAWN,
    STOPPED;

    /** @return the outcome, or null while the dossier is still open */
    public static ResultKind of(DossierState state) {
        return switch (state) {
            case RESULT_READY, RETURNED -> ISSUED;
            case REFUSED -> REFUSED;
            case REJECTED -> REJECTED;
            case WITHDRAWN -> WITHDRAWN;
            case STOPPED -> STOPPED;
            case SUBMITTED, PRE_SUPPLEMENT, RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT -> null;
        };
    }
}
