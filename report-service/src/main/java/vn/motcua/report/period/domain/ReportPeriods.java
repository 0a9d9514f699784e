package vn.motcua.report.period.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * Resolves a {@link PeriodSpec} to dates: the one home of "what does Q3 mean". Every problem is reported at once as
 * field violations under {@code fieldPrefix} (e.g. "period.year").
 */
public final class ReportPeriods {

    /** Earliest year a report may ask for (imported histories go back this far). */
    public static final int MIN_YEAR = 2000;

    public static final int MAX_YEAR = 2100;

    /** A RANGE may span at most ten years, so one request cannot ask for the whole of time by accident. */
    public static final int MAX_RANGE_DAYS = 3660;

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private ReportPeriods() {}

    /**
     * @throws DomainException INVALID_ARGUMENT with field violations
     */
    public static ResolvedPeriod resolve(PeriodSpec spec, String fieldPrefix) {
        List<FieldViolation> violations = new ArrayList<>();
        if (spec == null || spec.kind() == null) {
            throw DomainException.invalid(List.of(new FieldViolation(fieldPrefix + ".kind", "is required")));
        }
        PeriodWindow window = spec.window() == null ? PeriodWindow.CALENDAR : spec.window();
        PeriodSpec filled = spec.withDefaultWindow(window);
        if (spec.kind() == PeriodKind.RANGE) {
            if (spec.from() == null) {
                violations.add(new FieldViolation(fieldPrefix + ".from_date", "is required (YYYY-MM-DD)"));
            }
            if (spec.to() == null) {
                violations.add(new FieldViolation(fieldPrefix + ".to_date", "is required (YYYY-MM-DD)"));
            }
            if (spec.from() != null && spec.to() != null) {
                if (spec.from().isAfter(spec.to())) {
                    violations.add(new FieldViolation(fieldPrefix + ".to_date", "must not be before from_date"));
                } else if (ChronoUnit.DAYS.between(spec.from(), spec.to()) + 1 > MAX_RANGE_DAYS) {
                    violations.add(new FieldViolation(
                            fieldPrefix + ".to_date", "the range may span at most " + MAX_RANGE_DAYS + " days"));
                } else if (spec.from().getYear() < MIN_YEAR || spec.to().getYear() > MAX_YEAR) {
                    violations.add(new FieldViolation(
                            fieldPrefix + ".from_date", "must lie between " + MIN_YEAR + " and " + MAX_YEAR));
                }
            }
            throwIfAny(violations);
            return new ResolvedPeriod(
                    filled, spec.from(), spec.to(), "Từ ngày " + vn(spec.from()) + " đến ngày " + vn(spec.to()));
        }
        if (spec.year() < MIN_YEAR || spec.year() > MAX_YEAR) {
            violations.add(
                    new FieldViolation(fieldPrefix + ".year", "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
        if (spec.kind() == PeriodKind.MONTH && (spec.number() < 1 || spec.number() > 12)) {
            violations.add(new FieldViolation(fieldPrefix + ".number", "must be a month 1-12"));
        }
        if (spec.kind() == PeriodKind.QUARTER && (spec.number() < 1 || spec.number() > 4)) {
            violations.add(new FieldViolation(fieldPrefix + ".number", "must be a quarter 1-4"));
        }
        throwIfAny(violations);
        int firstMonth;
        int lastMonth;
        String name;
        switch (spec.kind()) {
            case MONTH -> {
                firstMonth = spec.number();
                lastMonth = spec.number();
                name = "Tháng " + spec.number() + " năm " + spec.year();
            }
            case QUARTER -> {
                firstMonth = (spec.number() - 1) * 3 + 1;
                lastMonth = firstMonth + 2;
                name = "Quý " + ROMAN[spec.number() - 1] + " năm " + spec.year();
            }
            case HALF_YEAR -> {
                firstMonth = 1;
                lastMonth = 6;
                name = "6 tháng đầu năm " + spec.year();
            }
            case NINE_MONTHS -> {
                firstMonth = 1;
                lastMonth = 9;
                name = "9 tháng năm " + spec.year();
            }
            case YEAR -> {
                firstMonth = 1;
                lastMonth = 12;
                name = "Năm " + spec.year();
            }
            default -> throw new IllegalStateException("unhandled kind " + spec.kind());
        }
        LocalDate from;
        LocalDate to;
        if (window == PeriodWindow.CUTOFF_15) {
            // the 15th of the month before the first month (the previous year's December for January) .. the 14th
            from = YearMonth.of(spec.year(), firstMonth).minusMonths(1).atDay(15);
            to = YearMonth.of(spec.year(), lastMonth).atDay(14);
        } else {
            from = YearMonth.of(spec.year(), firstMonth).atDay(1);
            to = YearMonth.of(spec.year(), lastMonth).atEndOfMonth();
        }
        return new ResolvedPeriod(filled, from, to, name + " (từ ngày " + vn(from) + " đến ngày " + vn(to) + ")");
    }

    private static String vn(LocalDate date) {
        return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }
}
