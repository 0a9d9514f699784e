package vn.motcua.dossier.unit.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.dossier.common.PrintableText;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * Field checks of unit and calendar administration, collected so that one answer lists every problem
 * (INVALID_ARGUMENT / INVALID_FIELD) before anything is looked up or written.
 */
public final class AdminInput {

    public static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    /** QCVN 102:2016 agency identifiers such as 000.02.24.H30 or H30.298.11077. */
    public static final Pattern AGENCY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]{0,63}");

    public static final int NAME_MAX = 255;
    /** The holiday table and unit history reach back to 1900 and forward to 2200; anything else is a typo. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final List<FieldViolation> problems = new ArrayList<>();

    public void add(String field, String description) {
        problems.add(new FieldViolation(field, description));
    }

    public void requestId(String value) {
        if (value != null && !value.isEmpty() && !REQUEST_ID.matcher(value).matches()) {
            add("request_id", "1-128 characters of A-Z a-z 0-9 . _ : -");
        }
    }

    /** @return the code, or null when it is missing or malformed */
    public String unitCode(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (!UNIT_CODE.matcher(value).matches()) {
            add(field, "1-32 characters of A-Z a-z 0-9 . _ -");
            return null;
        }
        return value;
    }

    public String agencyCode(String field, String value) {
        if (value == null || value.isEmpty()) {
            add(field, "is required");
            return null;
        }
        if (!AGENCY_CODE.matcher(value).matches()) {
            add(field, "an agency code such as 000.02.24.H30 (letters, digits and dots, at most 64)");
            return null;
        }
        return value;
    }

    /** A one-line label: required, at most {@code max} characters, no control or format characters. */
    public String label(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            add(field, "is required");
            return null;
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            add(field, "at most " + max + " characters");
            return null;
        }
        if (!PrintableText.isPrintable(stripped) || LINE_BREAK.matcher(stripped).find()) {
            add(field, "contains control characters");
            return null;
        }
        return stripped;
    }

    /** @return the date, or null when missing (and not required) or invalid (reported) */
    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                add(field, "is required (YYYY-MM-DD)");
            }
            return null;
        }
        LocalDate date;
        try {
            date = value.length() == 10 ? LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE) : null;
        } catch (DateTimeException e) {
            date = null;
        }
        if (date == null) {
            add(field, "is not a date (YYYY-MM-DD)");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            add(field, "must be between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return date;
    }

    /** HH:MM, 00:00 to 23:59. */
    public LocalTime time(String field, String value) {
        if (value == null || !TIME.matcher(value).matches()) {
            add(field, "is not a time (HH:MM)");
            return null;
        }
        return LocalTime.parse(value);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Throws INVALID_ARGUMENT with every problem found, if any. */
    public void refuseIfAny() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(List.copyOf(problems));
        }
    }
}
