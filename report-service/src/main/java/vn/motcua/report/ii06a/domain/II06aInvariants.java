package vn.motcua.report.ii06a.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The identities every II.06a row must satisfy (domain.md 7.1). Counters built by delta can drift if a projection has
 * a bug; a report that silently prints such a row would be signed and sent up the hierarchy, so a violated invariant
 * is an {@link IllegalStateException} (a bug, INTERNAL to the caller) naming the row and its figures.
 */
public final class II06aInvariants {

    private II06aInvariants() {}

    /** @throws IllegalStateException naming the row, each violated identity and the row's figures */
    public static void check(String rowKey, II06aCounts c) {
        List<String> broken = violations(c);
        if (!broken.isEmpty()) {
            throw new IllegalStateException(
                    "II.06a invariant violated on row " + rowKey + ": " + String.join("; ", broken) + " [" + c + "]");
        }
    }

    /** Every row of a report, and its total. */
    public static void check(II06aReport report) {
        for (II06aRow row : report.rows()) {
            check(row.rowKey(), row.counts());
        }
        check(II06aRow.TOTAL_KEY, report.total());
    }

    /**
     * (6) of a period equals (11) of the window just before it: what was open when the earlier window ended is what
     * this one carries over.
     *
     * @throws IllegalStateException when they differ
     */
    public static void checkContinuity(String rowKey, II06aCounts windowBefore, II06aCounts period) {
        if (windowBefore.inProgress() != period.carriedOver()) {
            throw new IllegalStateException("II.06a invariant violated on row " + rowKey + ": (6) carried_over "
                    + period.carriedOver() + " != (11) in_progress " + windowBefore.inProgress()
                    + " of the window before [" + period + "] [before: " + windowBefore + "]");
        }
    }

    /** The broken identities of one row, empty when the row is sound. */
    public static List<String> violations(II06aCounts c) {
        List<String> broken = new ArrayList<>();
        for (II06aColumn column : II06aColumn.values()) {
            if (column.of(c) < 0) {
                broken.add(column.key() + " is negative");
            }
        }
        if (c.total() != c.receivedOnline() + c.receivedDirectOrPostal() + c.carriedOver()) {
            broken.add("(3) != (4) + (5) + (6)");
        }
        if (c.total() != c.resolved() + c.inProgress()) {
            broken.add("(3) != (7) + (11)");
        }
        if (c.resolved() != c.resolvedEarly() + c.resolvedOnTime() + c.resolvedLate()) {
            broken.add("(7) != (8) + (9) + (10)");
        }
        if (c.inProgress() != c.inProgressWithinDue() + c.inProgressOverdue()) {
            broken.add("(11) != (12) + (13)");
        }
        if (c.resolvedLate() != c.resolvedLateWithApology() + c.resolvedLateWithoutApology()) {
            broken.add("(10) != late with apology + late without apology");
        }
        if (c.receivedPostal() > c.receivedDirectOrPostal()) {
            broken.add("received_postal > (5)");
        }
        if (c.receivedBoundaryFree() > c.receivedOnline() + c.receivedDirectOrPostal()) {
            broken.add("received_boundary_free > (4) + (5)");
        }
        if (c.withdrawn() + c.refused() > c.resolved()) {
            broken.add("withdrawn + refused > (7)");
        }
        return broken;
    }
}
