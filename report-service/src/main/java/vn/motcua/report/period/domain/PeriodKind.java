package vn.motcua.report.period.domain;

/** The periods a report can cover (domain.md 7.1, 8.8). */
public enum PeriodKind {
    MONTH,
    QUARTER,
    HALF_YEAR,
    NINE_MONTHS,
    YEAR,
    RANGE
}
