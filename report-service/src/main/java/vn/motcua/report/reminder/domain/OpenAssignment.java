package vn.motcua.report.reminder.domain;

import java.time.Instant;

/**
 * One unit's duty in a task as the reminder planner sees it.
 *
 * @param assignedAt        when the task was created: reminder thresholds already passed then are not sent (the
 *                          ASSIGNED notification tells the deadline)
 * @param effectiveDeadline the deadline moved past days off (task_assignment.effective_deadline_at)
 * @param done              done_at is set: no reminder at all
 */
public record OpenAssignment(
        String taskId,
        String taskTitle,
        String unitCode,
        String unitName,
        Instant assignedAt,
        Instant effectiveDeadline,
        boolean done) {}
