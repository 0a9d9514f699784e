package vn.motcua.report.indicator.domain;

import java.time.YearMonth;
import java.util.List;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ReportPeriods;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * A Decision 766 period: a calendar month, quarter or year (domain.md 8.8), the only periods the index is published
 * for, and the only ones the monthly counters answer without a day-level prefix.
 *
 * @param number month 1-12, quarter 1-4, 0 for a year
 */
public record IndicatorPeriod(ResolvedPeriod resolved, PeriodKind kind, int year, int number) {

    /**
     * @throws DomainException INVALID_ARGUMENT for another kind, a Decree 09 window, or what ReportPeriods refuses
     */
    public static IndicatorPeriod of(PeriodSpec spec, String field) {
        if (spec != null
                && spec.kind() != null
                && !List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)
                        .contains(spec.kind())) {
            throw DomainException.invalid(List.of(new FieldViolation(
                    field + ".kind", "Decision 766 indicators are computed for a MONTH, QUARTER or YEAR only")));
        }
        if (spec != null && spec.window() == PeriodWindow.CUTOFF_15) {
            throw DomainException.invalid(List.of(
                    new FieldViolation(field + ".window", "Decision 766 indicators use calendar windows only")));
        }
        PeriodSpec calendar = spec == null ? null : spec.withDefaultWindow(PeriodWindow.CALENDAR);
        ResolvedPeriod resolved = ReportPeriods.resolve(calendar, field);
        int number = spec.kind() == PeriodKind.YEAR ? 0 : spec.number();
        return new IndicatorPeriod(resolved, spec.kind(), spec.year(), number);
    }

    public YearMonth firstMonth() {
        return YearMonth.from(resolved.from());
    }

    public YearMonth lastMonth() {
        return YearMonth.from(resolved.to());
    }

    /** "2026-11", "2026-Q3", "2026": for file names and tokens. */
    public String shortName() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, number);
            case QUARTER -> year + "-Q" + number;
            default -> Integer.toString(year);
        };
    }
}
