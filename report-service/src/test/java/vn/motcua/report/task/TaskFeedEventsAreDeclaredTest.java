package vn.motcua.report.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.proto.report.v1.DirectiveIssued;
import vn.motcua.proto.report.v1.TaskChanged;
import vn.motcua.report.task.service.TaskFeed;

/**
 * Producer side of the feed contract for the tasks core: the event types TaskFeed writes are exactly those proto/
 * declares for DirectiveIssued and TaskChanged, under the aggregates it names. (OutboxEntry also refuses an undeclared
 * pair at write time, so TaskLifecycleIT fails on one.)
 */
class TaskFeedEventsAreDeclaredTest {

    private static Set<String> declaredFor(String message, String aggregate) {
        return FeedEventTypes.all().values().stream()
                .filter(d -> d.message().getFullName().equals(message))
                .peek(d -> assertThat(d.aggregateType()).isEqualTo(aggregate))
                .map(FeedEventTypes.Declared::eventType)
                .collect(Collectors.toSet());
    }

    @Test
    void directiveAndTaskEventTypesAreDeclaredForTheirMessages() {
        assertThat(declaredFor(DirectiveIssued.getDescriptor().getFullName(), TaskFeed.DIRECTIVE))
                .containsExactly(TaskFeed.DIRECTIVE_ISSUED);
        assertThat(declaredFor(TaskChanged.getDescriptor().getFullName(), TaskFeed.TASK))
                .containsExactlyInAnyOrder(
                        TaskFeed.TASK_ASSIGNED, TaskFeed.TASK_PROGRESS_REPORTED, TaskFeed.TASK_COMPLETED);
    }
}
