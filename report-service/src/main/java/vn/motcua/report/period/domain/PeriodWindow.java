package vn.motcua.report.period.domain;

/**
 * How a named period maps to dates (domain.md 18.2): calendar windows (Decision 766 dashboards), or the Decree
 * 09/2019 cut-offs used by periodic reports (the 15th of the previous period's last month to the 14th of this
 * period's last month).
 */
public enum PeriodWindow {
    CALENDAR,
    CUTOFF_15
}
