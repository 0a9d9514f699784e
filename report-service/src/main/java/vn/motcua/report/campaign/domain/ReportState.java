package vn.motcua.report.campaign.domain;

/**
 * The state of one version of a unit's campaign report: DRAFT -> SUBMITTED -> RETURNED | ACCEPTED; ACCEPTED ->
 * CONSOLIDATED when the issuer takes it into its consolidation. Only a DRAFT's rows change; the others are frozen.
 */
public enum ReportState {
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED,
    CONSOLIDATED;

    /** Whether the receiving unit has (or had) the version: everything but a draft. */
    public boolean submitted() {
        return this != DRAFT;
    }
}
