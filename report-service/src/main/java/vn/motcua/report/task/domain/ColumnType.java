package vn.motcua.report.task.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The type of a campaign template column, and whether a cell's text is a value of it. */
public enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    YES_NO;

    /** Longest text a cell may hold, whatever its type. */
    public static final int MAX_CELL_LENGTH = 2000;

    /** @param value never null; blank is handled by the caller (required or not) */
    public boolean accepts(String value) {
        if (value.length() > MAX_CELL_LENGTH) {
            return false;
        }
        return switch (this) {
            case TEXT -> true;
            case INTEGER -> value.matches("-?[0-9]{1,18}");
            case DECIMAL -> isDecimal(value);
            case DATE -> isDate(value);
            case YES_NO -> value.equals("true") || value.equals("false");
        };
    }

    /** The expected form, for error messages. */
    public String expected() {
        return switch (this) {
            case TEXT -> "text of at most " + MAX_CELL_LENGTH + " characters";
            case INTEGER -> "a whole number";
            case DECIMAL -> "a decimal number with a dot, e.g. 12.5";
            case DATE -> "an ISO date YYYY-MM-DD";
            case YES_NO -> "true or false";
        };
    }

    private static boolean isDecimal(String value) {
        if (!value.matches("-?[0-9]{1,18}(\\.[0-9]{1,6})?")) {
            return false;
        }
        new BigDecimal(value);
        return true;
    }

    private static boolean isDate(String value) {
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
