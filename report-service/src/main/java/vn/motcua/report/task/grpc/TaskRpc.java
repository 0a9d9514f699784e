package vn.motcua.report.task.grpc;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.report.v1.AssignTaskRequest;
import vn.motcua.proto.report.v1.AssignTaskResponse;
import vn.motcua.proto.report.v1.CompleteTaskRequest;
import vn.motcua.proto.report.v1.CompleteTaskResponse;
import vn.motcua.proto.report.v1.GetDirectiveRequest;
import vn.motcua.proto.report.v1.GetDirectiveResponse;
import vn.motcua.proto.report.v1.GetTaskBoardRequest;
import vn.motcua.proto.report.v1.GetTaskBoardResponse;
import vn.motcua.proto.report.v1.GetTaskPunctualityRequest;
import vn.motcua.proto.report.v1.GetTaskPunctualityResponse;
import vn.motcua.proto.report.v1.GetTaskRequest;
import vn.motcua.proto.report.v1.GetTaskResponse;
import vn.motcua.proto.report.v1.IssueDirectiveRequest;
import vn.motcua.proto.report.v1.IssueDirectiveResponse;
import vn.motcua.proto.report.v1.ListDirectivesRequest;
import vn.motcua.proto.report.v1.ListDirectivesResponse;
import vn.motcua.proto.report.v1.ListTasksRequest;
import vn.motcua.proto.report.v1.ListTasksResponse;
import vn.motcua.proto.report.v1.ReportTaskProgressRequest;
import vn.motcua.proto.report.v1.ReportTaskProgressResponse;
import vn.motcua.proto.report.v1.TaskListView;
import vn.motcua.proto.report.v1.UnitPunctuality;
import vn.motcua.report.task.domain.ColumnType;
import vn.motcua.report.task.domain.ExpectedOutput;
import vn.motcua.report.task.domain.TaskKind;
import vn.motcua.report.task.domain.TemplateColumn;
import vn.motcua.report.task.domain.TemplatePrefill;
import vn.motcua.report.task.service.TaskCommands;
import vn.motcua.report.task.service.TaskService;
import vn.motcua.report.task.service.TaskViews;

/** Directives, tasks, progress, the board and punctuality: the proto adapter of task/service. */
@Singleton
public class TaskRpc {

    private final TaskService service;

    public TaskRpc(TaskService service) {
        this.service = service;
    }

    public IssueDirectiveResponse issueDirective(IssueDirectiveRequest r) {
        TaskViews.DirectiveView d = service.issueDirective(
                CallContext.requireCaller(),
                new TaskCommands.IssueDirective(
                        r.getRequestId(),
                        r.getIssuingUnitCode(),
                        r.getNumber(),
                        r.getSignedOn(),
                        r.getTitle(),
                        r.getSigner(),
                        r.getDocumentId()));
        return IssueDirectiveResponse.newBuilder()
                .setDirective(TaskMessages.directive(d))
                .build();
    }

    public ListDirectivesResponse listDirectives(ListDirectivesRequest r) {
        TaskViews.DirectivePage page =
                service.listDirectives(CallContext.requireCaller(), r.getUnitCode(), r.getPageSize(), r.getPageToken());
        ListDirectivesResponse.Builder b = ListDirectivesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.directives().forEach(d -> b.addDirectives(TaskMessages.directive(d)));
        return b.build();
    }

    public GetDirectiveResponse getDirective(GetDirectiveRequest r) {
        return GetDirectiveResponse.newBuilder()
                .setDirective(
                        TaskMessages.directive(service.getDirective(CallContext.requireCaller(), r.getDirectiveId())))
                .build();
    }

    public AssignTaskResponse assignTask(AssignTaskRequest r) {
        List<TemplateColumn> columns = new ArrayList<>();
        for (vn.motcua.proto.report.v1.TemplateColumn c : r.getTemplate().getColumnsList()) {
            columns.add(new TemplateColumn(c.getKey(), c.getLabel(), columnType(c.getType()), c.getRequired()));
        }
        TemplatePrefill prefill = r.hasTemplate()
                ? switch (r.getTemplate().getPrefill()) {
                    case TEMPLATE_PREFILL_PROCEDURES -> TemplatePrefill.PROCEDURES;
                    case TEMPLATE_PREFILL_NONE, TEMPLATE_PREFILL_UNSPECIFIED -> TemplatePrefill.NONE;
                    case UNRECOGNIZED ->
                        throw DomainException.invalid("template.prefill", "must be NONE or PROCEDURES");
                }
                : null;
        TaskKind kind = switch (r.getKind()) {
            case TASK_KIND_TASK -> TaskKind.TASK;
            case TASK_KIND_CAMPAIGN -> TaskKind.CAMPAIGN;
            case TASK_KIND_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw DomainException.invalid("kind", "is not a known task kind");
        };
        ExpectedOutput output = switch (r.getExpectedOutput()) {
            case EXPECTED_OUTPUT_REPORT_TEMPLATE -> ExpectedOutput.REPORT_TEMPLATE;
            case EXPECTED_OUTPUT_DOCUMENT -> ExpectedOutput.DOCUMENT;
            case EXPECTED_OUTPUT_YES_NO -> ExpectedOutput.YES_NO;
            case EXPECTED_OUTPUT_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw DomainException.invalid("expected_output", "is not a known output");
        };
        TaskViews.TaskView task = service.assignTask(
                CallContext.requireCaller(),
                new TaskCommands.AssignTask(
                        r.getRequestId(),
                        r.getDirectiveId(),
                        kind,
                        r.getTitle(),
                        r.getDescription(),
                        r.getAssigneeUnitCodesList(),
                        r.getDeadline(),
                        r.getUpwardDeadline(),
                        output,
                        columns,
                        prefill,
                        r.getFollowUpUser()));
        return AssignTaskResponse.newBuilder().setTask(TaskMessages.task(task)).build();
    }

    /** null for UNSPECIFIED (the template check names the column). */
    private static ColumnType columnType(vn.motcua.proto.report.v1.ColumnType type) {
        return switch (type) {
            case COLUMN_TYPE_TEXT -> ColumnType.TEXT;
            case COLUMN_TYPE_INTEGER -> ColumnType.INTEGER;
            case COLUMN_TYPE_DECIMAL -> ColumnType.DECIMAL;
            case COLUMN_TYPE_DATE -> ColumnType.DATE;
            case COLUMN_TYPE_YES_NO -> ColumnType.YES_NO;
            case COLUMN_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    public ListTasksResponse listTasks(ListTasksRequest r) {
        boolean issued = r.getView() == TaskListView.TASK_LIST_VIEW_ISSUED;
        if (r.getView() == TaskListView.UNRECOGNIZED) {
            throw DomainException.invalid("view", "must be ASSIGNED or ISSUED");
        }
        TaskViews.TaskPage page = service.listTasks(
                CallContext.requireCaller(),
                issued,
                r.getUnitCode(),
                r.getOpenOnly(),
                r.getPageSize(),
                r.getPageToken());
        ListTasksResponse.Builder b = ListTasksResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.tasks().forEach(t -> b.addTasks(TaskMessages.task(t)));
        return b.build();
    }

    public GetTaskResponse getTask(GetTaskRequest r) {
        return GetTaskResponse.newBuilder()
                .setTask(TaskMessages.task(service.getTask(CallContext.requireCaller(), r.getTaskId())))
                .build();
    }

    public ReportTaskProgressResponse reportTaskProgress(ReportTaskProgressRequest r) {
        TaskViews.ProgressResult result = service.reportProgress(
                CallContext.requireCaller(),
                new TaskCommands.ReportProgress(
                        r.getRequestId(),
                        r.getTaskId(),
                        r.getUnitCode(),
                        r.getText(),
                        r.getPercent(),
                        r.getDocumentIdsList()));
        return ReportTaskProgressResponse.newBuilder()
                .setProgress(TaskMessages.progress(result.progress()))
                .setAssignment(TaskMessages.assignment(result.assignment()))
                .build();
    }

    public CompleteTaskResponse completeTask(CompleteTaskRequest r) {
        TaskViews.AssignmentView a = service.complete(
                CallContext.requireCaller(),
                new TaskCommands.Complete(
                        r.getRequestId(),
                        r.getTaskId(),
                        r.getUnitCode(),
                        r.getAnswer(),
                        r.getDocumentId(),
                        r.getNote()));
        return CompleteTaskResponse.newBuilder()
                .setAssignment(TaskMessages.assignment(a))
                .build();
    }

    public GetTaskBoardResponse getTaskBoard(GetTaskBoardRequest r) {
        TaskViews.Board board = service.board(CallContext.requireCaller(), r.getTaskId());
        GetTaskBoardResponse.Builder b = GetTaskBoardResponse.newBuilder()
                .setTask(TaskMessages.task(board.task()))
                .setCounts(TaskMessages.counts(board.counts()));
        board.progress().forEach(p -> b.addProgress(TaskMessages.progress(p)));
        return b.build();
    }

    public GetTaskPunctualityResponse getTaskPunctuality(GetTaskPunctualityRequest r) {
        TaskViews.Punctuality p =
                service.punctuality(CallContext.requireCaller(), r.getUnitCode(), r.getFromDate(), r.getToDate());
        GetTaskPunctualityResponse.Builder b =
                GetTaskPunctualityResponse.newBuilder().setTotal(TaskMessages.counts(p.total()));
        for (TaskViews.UnitPunctuality u : p.units()) {
            b.addUnits(UnitPunctuality.newBuilder()
                    .setUnit(TaskMessages.unit(u.unit()))
                    .setCounts(TaskMessages.counts(u.counts()))
                    .setOnTimePerMille(u.counts().onTimePerMille()));
        }
        return b.build();
    }
}
