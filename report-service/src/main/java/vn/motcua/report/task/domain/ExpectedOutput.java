package vn.motcua.report.task.domain;

public enum ExpectedOutput {
    REPORT_TEMPLATE,
    DOCUMENT,
    YES_NO
}
