package vn.motcua.report.reception.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * An inclusive range of local dates for a statistics query. Capped at {@value #MAX_DAYS} days (a leap year)
 * so a single request cannot scan the whole history; longer reports are several requests.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
    }

    /** Parses the request's ISO dates, reporting every problem at once as field violations. */
    public static ReportPeriod parse(String fromField, String fromText, String toField, String toText) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate from = parseDate(fromField, fromText, violations);
        LocalDate to = parseDate(toField, toText, violations);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                violations.add(new FieldViolation(toField, "must not be before " + fromField));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                violations.add(new FieldViolation(toField, "the period may span at most " + MAX_DAYS + " days"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        return new ReportPeriod(from, to);
    }

    private static LocalDate parseDate(String field, String text, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO date YYYY-MM-DD"));
            return null;
        }
    }
}
