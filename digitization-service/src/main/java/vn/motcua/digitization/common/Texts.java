package vn.motcua.digitization.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** Request field checks gathered into one INVALID_ARGUMENT with every violation (the platform pattern). */
public final class Texts {

    /** Dossier codes and submission references (QCVN 102 shape, TN-...): letters, digits, dot, dash. */
    public static final Pattern DOSSIER_CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");
    /** Unit codes (statistics-office codes). */
    public static final Pattern UNIT = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    /** Ids this service and the document store hand out. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<FieldViolation> violations = new ArrayList<>();

    private Texts() {}

    public static Texts start() {
        return new Texts();
    }

    public Texts matches(String field, String value, Pattern pattern, boolean required) {
        if (value == null || value.isEmpty()) {
            return check(!required, field, "is required");
        }
        return check(pattern.matcher(value).matches(), field, "is not well formed");
    }

    public Texts text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            return check(!required, field, "is required");
        }
        if (value.length() > max) {
            return check(false, field, "must be at most " + max + " characters");
        }
        return check(
                value.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'),
                field,
                "must not contain control characters");
    }

    public Texts check(boolean ok, String field, String description) {
        if (!ok) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    public void done() {
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
