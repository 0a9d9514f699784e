package vn.motcua.report.period.domain;

import java.time.LocalDate;

/**
 * A report period as asked for: a named period (month, quarter, 6 or 9 months, year) of a year, or a date range.
 * Plain Java: the grpc adapter maps {@code motcua.report.v1.Period} onto it.
 *
 * @param number month 1-12 or quarter 1-4; ignored for the other kinds
 * @param from   RANGE only
 * @param to     RANGE only
 * @param window how a named period maps to dates; null means the caller's default
 */
public record PeriodSpec(PeriodKind kind, int year, int number, LocalDate from, LocalDate to, PeriodWindow window) {

    public static PeriodSpec month(int year, int month) {
        return new PeriodSpec(PeriodKind.MONTH, year, month, null, null, PeriodWindow.CALENDAR);
    }

    public static PeriodSpec quarter(int year, int quarter) {
        return new PeriodSpec(PeriodKind.QUARTER, year, quarter, null, null, PeriodWindow.CALENDAR);
    }

    public static PeriodSpec year(int year) {
        return new PeriodSpec(PeriodKind.YEAR, year, 0, null, null, PeriodWindow.CALENDAR);
    }

    public static PeriodSpec range(LocalDate from, LocalDate to) {
        return new PeriodSpec(PeriodKind.RANGE, 0, 0, from, to, PeriodWindow.CALENDAR);
    }

    /** The same period with {@code fallback} as its window when none was asked for. */
    public PeriodSpec withDefaultWindow(PeriodWindow fallback) {
        return window != null ? this : new PeriodSpec(kind, year, number, from, to, fallback);
    }
}
