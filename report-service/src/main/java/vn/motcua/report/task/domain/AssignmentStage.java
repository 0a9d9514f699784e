package vn.motcua.report.task.domain;

/** ASSIGNEE: an assigned unit's duty to the issuer. UPWARD: a campaign issuer's duty to its parent. */
public enum AssignmentStage {
    ASSIGNEE,
    UPWARD
}
