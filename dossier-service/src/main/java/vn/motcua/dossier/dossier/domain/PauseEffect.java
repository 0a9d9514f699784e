package vn.motcua.dossier.dossier.domain;

/** What a transition does to the processing-time pauses, declared by its table row. */
public enum PauseEffect {
    NONE,
    /** A supplement request stops the clock until the supplement is received. */
    STARTS_SUPPLEMENT_PAUSE,
    /**
     * The applicant is asked to meet a financial obligation: the clock stops until it is met, but only where the
     * procedure version says that this time does not count (land procedures); elsewhere the clock runs on.
     */
    STARTS_FINANCIAL_OBLIGATION_PAUSE,
    /** The supplement is in, the obligation is met, or the dossier has ended: an open pause closes now. */
    ENDS_PAUSE
}
