package vn.motcua.report.task.grpc;

import jakarta.inject.Singleton;
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

/** Directives, tasks, progress, the board and punctuality: the proto adapter of task/service. */
@Singleton
public class TaskRpc {

    public IssueDirectiveResponse issueDirective(IssueDirectiveRequest request) {
        throw new UnsupportedOperationException("IssueDirective: not built yet");
    }

    public ListDirectivesResponse listDirectives(ListDirectivesRequest request) {
        throw new UnsupportedOperationException("ListDirectives: not built yet");
    }

    public GetDirectiveResponse getDirective(GetDirectiveRequest request) {
        throw new UnsupportedOperationException("GetDirective: not built yet");
    }

    public AssignTaskResponse assignTask(AssignTaskRequest request) {
        throw new UnsupportedOperationException("AssignTask: not built yet");
    }

    public ListTasksResponse listTasks(ListTasksRequest request) {
        throw new UnsupportedOperationException("ListTasks: not built yet");
    }

    public GetTaskResponse getTask(GetTaskRequest request) {
        throw new UnsupportedOperationException("GetTask: not built yet");
    }

    public ReportTaskProgressResponse reportTaskProgress(ReportTaskProgressRequest request) {
        throw new UnsupportedOperationException("ReportTaskProgress: not built yet");
    }

    public CompleteTaskResponse completeTask(CompleteTaskRequest request) {
        throw new UnsupportedOperationException("CompleteTask: not built yet");
    }

    public GetTaskBoardResponse getTaskBoard(GetTaskBoardRequest request) {
        throw new UnsupportedOperationException("GetTaskBoard: not built yet");
    }

    public GetTaskPunctualityResponse getTaskPunctuality(GetTaskPunctualityRequest request) {
        throw new UnsupportedOperationException("GetTaskPunctuality: not built yet");
    }
}
