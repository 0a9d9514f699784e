package vn.motcua.report.task.service;

import java.util.List;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.task.domain.Assignment;
import vn.motcua.report.task.domain.BoardCounts;
import vn.motcua.report.task.domain.Directive;
import vn.motcua.report.task.domain.Progress;
import vn.motcua.report.task.domain.TaskItem;
import vn.motcua.report.task.domain.Timeliness;

/** What the task service answers: stored rows with their units and what is judged at read time. */
public final class TaskViews {

    private TaskViews() {}

    /** An assignment as of now: its timeliness and working days late are computed on every read. */
    public record AssignmentView(Assignment assignment, UnitNode unit, Timeliness timeliness, int workingDaysLate) {}

    /** A task with the assignments the caller may see (all of them for the issuer's side). */
    public record TaskView(
            TaskItem task, Directive directive, UnitNode issuingUnit, List<AssignmentView> assignments) {}

    /** @param tasks empty in lists; GetDirective: the tasks the caller may see */
    public record DirectiveView(Directive directive, UnitNode issuingUnit, List<TaskView> tasks) {}

    public record ProgressView(Progress progress, UnitNode unit) {}

    public record ProgressResult(ProgressView progress, AssignmentView assignment) {}

    public record Board(TaskView task, BoardCounts counts, List<ProgressView> progress) {}

    public record UnitPunctuality(UnitNode unit, BoardCounts counts) {}

    public record Punctuality(List<UnitPunctuality> units, BoardCounts total) {}

    public record DirectivePage(List<DirectiveView> directives, String nextPageToken) {}

    public record TaskPage(List<TaskView> tasks, String nextPageToken) {}
}
