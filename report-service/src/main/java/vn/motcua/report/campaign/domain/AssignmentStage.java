package vn.motcua.report.campaign.domain;

/** ASSIGNEE: an assigned unit reports to the issuer; UPWARD: the issuer submits its consolidation to its parent. */
public enum AssignmentStage {
    ASSIGNEE,
    UPWARD
}
