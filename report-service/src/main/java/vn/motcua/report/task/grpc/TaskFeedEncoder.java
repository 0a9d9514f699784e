package vn.motcua.report.task.grpc;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.DirectiveIssued;
import vn.motcua.proto.report.v1.TaskChanged;
import vn.motcua.report.task.service.TaskFeed;
import vn.motcua.report.task.service.TaskViews;

/** The typed payloads of task_events.proto for {@link TaskFeed}. */
@Singleton
public class TaskFeedEncoder implements TaskFeed.Encoder {

    @Override
    public Message directiveIssued(TaskViews.DirectiveView directive) {
        return DirectiveIssued.newBuilder()
                .setDirective(TaskMessages.directive(directive))
                .build();
    }

    @Override
    public Message taskChanged(TaskViews.TaskView task, TaskViews.ProgressView progress, String unitCode) {
        TaskChanged.Builder b = TaskChanged.newBuilder().setTask(TaskMessages.task(task));
        if (progress != null) {
            b.setProgress(TaskMessages.progress(progress));
        }
        if (unitCode != null) {
            b.setUnitCode(unitCode);
        }
        return b.build();
    }
}
