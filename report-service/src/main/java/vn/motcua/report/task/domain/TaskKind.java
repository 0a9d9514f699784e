package vn.motcua.report.task.domain;

public enum TaskKind {
    TASK,
    CAMPAIGN
}
