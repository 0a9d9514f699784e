package vn.motcua.dossier.dossier.domain;

import java.time.Instant;

/**
 * The due-time arithmetic of the competent unit's working calendar for the dossier's procedure, handed to a
 * transition so that this package stays free of the calendar engine. Only asked by rows whose {@link DueEffect}
 * needs the time limit, so an implementation may look the limit up lazily.
 */
public interface DueTimes {

    /** The due time of the procedure's time limit counted from {@code clockStart}. */
    Instant dueAt(Instant clockStart);

    /** The due time once a supplement is complete: the limit counted again from {@code supplementReceivedAt}. */
    Instant dueAfterSupplement(Instant supplementReceivedAt);

    /**
     * {@code due} moved later by the working time of the open financial-obligation pause that ends at
     * {@code resumedAt}; {@code due} itself when no such pause is open (the procedure counts that time).
     */
    Instant dueAfterPause(Instant due, Instant resumedAt);
}
