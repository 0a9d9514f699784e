package vn.motcua.report.indicator.domain;

/** Which side of an indicator's ratio a drill-down lists. */
public enum DrillSide {
    NUMERATOR,
    DENOMINATOR
}
