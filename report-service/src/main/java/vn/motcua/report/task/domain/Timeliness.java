package vn.motcua.report.task.domain;

/** Where an assignment stands against its effective deadline (proto Timeliness). */
public enum Timeliness {
    PENDING,
    ON_TIME,
    LATE,
    MISSING
}
