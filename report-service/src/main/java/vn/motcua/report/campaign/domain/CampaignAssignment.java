package vn.motcua.report.campaign.domain;

import java.time.Instant;

/**
 * What campaign reports need of a task_assignment row.
 *
 * @param doneAt null until the unit's first submission
 */
public record CampaignAssignment(
        String taskId, String unitCode, AssignmentStage stage, Instant effectiveDeadline, Instant doneAt) {

    /** A submission at {@code at} is late when after the effective deadline (equal is on time). */
    public boolean lateAt(Instant at) {
        return at.isAfter(effectiveDeadline);
    }
}
