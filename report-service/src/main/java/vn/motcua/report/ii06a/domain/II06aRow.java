package vn.motcua.report.ii06a.domain;

/**
 * One printed row.
 *
 * @param rowNumber 1-based STT of a unit's own row or a field's row; 0 for subtotal rows
 * @param unit      UNIT grouping; null for FIELD grouping
 * @param fieldCode FIELD grouping ('' for dossiers of no known field); null for UNIT grouping
 * @param fieldName FIELD grouping: the printed name ("Khác" for ''); null for UNIT grouping
 * @param subtotal  the subtree total (own + every unit below) of a unit with children
 */
public record II06aRow(
        int rowNumber, ReportUnit unit, String fieldCode, String fieldName, boolean subtotal, II06aCounts counts) {

    /** The key of the report's total in diffs and invariant messages. */
    public static final String TOTAL_KEY = "total";

    /** The printed name of dossiers whose procedure had no field ('' field code). */
    public static final String OTHER_FIELD = "Khác";

    public static II06aRow ofUnit(int rowNumber, ReportUnit unit, II06aCounts counts) {
        return new II06aRow(rowNumber, unit, null, null, false, counts);
    }

    public static II06aRow subtotalOf(ReportUnit unit, II06aCounts counts) {
        return new II06aRow(0, unit, null, null, true, counts);
    }

    public static II06aRow ofField(int rowNumber, String fieldCode, II06aCounts counts) {
        return new II06aRow(rowNumber, null, fieldCode, fieldName(fieldCode), false, counts);
    }

    public static String fieldName(String fieldCode) {
        return fieldCode == null || fieldCode.isBlank() ? OTHER_FIELD : fieldCode;
    }

    /**
     * Stable across versions, so a diff lines rows up: the unit code ("11077"), "11077:subtotal" for a subtotal, or
     * "field:" + the field code for FIELD rows.
     */
    public String rowKey() {
        if (unit != null) {
            return subtotal ? unit.code() + ":subtotal" : unit.code();
        }
        return "field:" + (fieldCode == null ? "" : fieldCode);
    }

    public II06aRow withCounts(II06aCounts newCounts) {
        return new II06aRow(rowNumber, unit, fieldCode, fieldName, subtotal, newCounts);
    }

    public II06aRow renumbered(int newNumber, ReportUnit newUnit) {
        return new II06aRow(newNumber, newUnit, fieldCode, fieldName, subtotal, counts);
    }
}
