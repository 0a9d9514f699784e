package vn.motcua.report.submission.domain;

/** The reports a unit can submit or export. */
public enum ReportKind {
    II06A,
    INDICATORS_766
}
