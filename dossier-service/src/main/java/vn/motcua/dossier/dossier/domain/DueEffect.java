package vn.motcua.dossier.dossier.domain;

/** What a transition does to the dossier's clock (reception time and due times), declared by its table row. */
public enum DueEffect {
    /** The due times stay as they are. */
    UNCHANGED,
    /**
     * The clock starts: received_at is set (to the reception time a desk stated on creation, else now) and the due
     * time and the original due time become the procedure's time limit from it (ND61 Art 17).
     */
    CLOCK_STARTS,
    /**
     * A completed supplement restarts the time limit from the supplement date; the original due is kept (ND61 Art
     * 19(4)).
     */
    LIMIT_RESTARTS,
    /** An apology sets the due time to the new, later appointment and uses the one extension (ND61 Art 19(9)). */
    EXTENDED_TO_NEW_APPOINTMENT,
    /**
     * A financial obligation whose time does not count is met: the due time (and the original due time) move later by
     * the working time the pause that ends now covered; without such a pause nothing moves.
     */
    PAUSED_TIME_ADDED;

    /** True when applying it needs the procedure's time limit. */
    public boolean needsTimeLimit() {
        return this == CLOCK_STARTS || this == LIMIT_RESTARTS;
    }
}
