package vn.motcua.digitization.dossierlink.domain;

import java.util.Set;

/** dossier-service's dossier states, as this service needs them (who may still digitize what). */
public enum DossierStatus {
    SUBMITTED,
    PRE_SUPPLEMENT,
    RECEIVED,
    IN_PROCESS,
    SUPPLEMENT_REQUESTED,
    AWAITING_PAYMENT,
    REFUSED,
    REJECTED,
    STOPPED,
    WITHDRAWN,
    RESULT_READY,
    RETURNED,
    /** A state this build does not know (a newer dossier-service): treated as finished, nothing may change. */
    UNKNOWN;

    /** Ended: nobody digitizes or attaches anything any more. */
    public static final Set<DossierStatus> FINISHED = Set.of(REFUSED, REJECTED, STOPPED, WITHDRAWN, RETURNED, UNKNOWN);

    /** An online dossier's applicant may still attach files and fill components from their warehouse. */
    public static final Set<DossierStatus> OPEN_TO_APPLICANT = Set.of(SUBMITTED, PRE_SUPPLEMENT, SUPPLEMENT_REQUESTED);

    public boolean finished() {
        return FINISHED.contains(this);
    }

    public static DossierStatus parse(String name) {
        try {
            return name == null ? UNKNOWN : valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
