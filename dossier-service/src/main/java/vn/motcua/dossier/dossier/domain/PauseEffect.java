package vn.motcua.dossier.dossier.domain;

/** What a transition does to the processing-time pauses, declared by its table row. */
public enum PauseEffect {
    NONE,
    /** A supplement request stops the clock until the supplement is received. */
    STARTS_SUPPLEMENT_PAUSE,
    /** The supplement is in, or the dossier has ended: an open pause closes now. */
    ENDS_PAUSE
}
