package vn.motcua.digitization.component.domain;

/** Digitization state of one dossier component (domain.md 10.2). */
public enum ComponentState {
    /** Nothing attached yet. */
    PENDING,
    /** A file is attached, not yet compared with the original. */
    UPLOADED,
    /** Compared with the original and QR-stamped. */
    CHECKED,
    CONFIRMED,
    /** Not scanned, by rule. */
    EXEMPT;

    /** Nothing more to do on it: the dossier's digitization counts it as done. */
    public boolean done() {
        return this == CONFIRMED || this == EXEMPT;
    }
}
