package vn.motcua.report.task.domain;

import java.time.Instant;

/**
 * One unit's duty in a task as stored (task_assignment).
 *
 * @param answer     null until a YES_NO task is completed
 * @param reportVersion the latest campaign report version (0: none), with its state name (null: none)
 */
public record Assignment(
        String taskId,
        String unitCode,
        AssignmentStage stage,
        Instant deadline,
        Instant effectiveDeadline,
        Instant doneAt,
        String doneBy,
        Boolean answer,
        String documentId,
        String note,
        int progressPercent,
        Instant lastActivityAt,
        int reportVersion,
        String reportState) {

    public Timeliness timeliness(Instant now) {
        return AssignmentTimeliness.of(doneAt, effectiveDeadline, now);
    }

    public boolean silent() {
        return AssignmentTimeliness.silent(doneAt, lastActivityAt);
    }

    public boolean done() {
        return doneAt != null;
    }
}
