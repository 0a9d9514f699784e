package vn.motcua.report.task.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;
import vn.motcua.report.task.service.TaskViews.DirectiveView;
import vn.motcua.report.task.service.TaskViews.ProgressView;
import vn.motcua.report.task.service.TaskViews.TaskView;

/**
 * report-service's change feed for directives and tasks (source "report-service", task_events.proto), written in the
 * transaction of the change: directive.issued (DirectiveIssued), task.assigned / task.progress_reported /
 * task.completed (TaskChanged, the task with every assignment as it stands after the change). The event's unit_code is
 * the unit that acted. The gRPC adapter's {@link Encoder} builds the generated messages.
 */
@Singleton
public class TaskFeed {

    public static final String DIRECTIVE = "directive";
    public static final String TASK = "task";
    public static final String DIRECTIVE_ISSUED = "directive.issued";
    public static final String TASK_ASSIGNED = "task.assigned";
    public static final String TASK_PROGRESS_REPORTED = "task.progress_reported";
    public static final String TASK_COMPLETED = "task.completed";

    private final OutboxWriter outbox;
    private final Encoder encoder;

    public TaskFeed(OutboxWriter outbox, Encoder encoder) {
        this.outbox = outbox;
        this.encoder = encoder;
    }

    /** Builds the payload messages; implemented by the gRPC adapter. */
    public interface Encoder {
        Message directiveIssued(DirectiveView directive);

        /**
         * @param progress task.progress_reported only, else null
         * @param unitCode the assignment the change is about; null for task.assigned
         */
        Message taskChanged(TaskView task, ProgressView progress, String unitCode);
    }

    public void directiveIssued(DirectiveView d, Instant now) {
        outbox.append(new OutboxEntry(
                DIRECTIVE,
                d.directive().id(),
                DIRECTIVE_ISSUED,
                d.directive().issuingUnit(),
                now,
                encoder.directiveIssued(d)));
    }

    /** @param actingUnit the unit that acted (the issuer for task.assigned, the assignee otherwise) */
    public void taskChanged(
            String eventType, TaskView task, ProgressView progress, String unitCode, String actingUnit, Instant now) {
        outbox.append(new OutboxEntry(
                TASK, task.task().id(), eventType, actingUnit, now, encoder.taskChanged(task, progress, unitCode)));
    }
}
