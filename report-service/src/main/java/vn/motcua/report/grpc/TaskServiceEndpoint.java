package vn.motcua.report.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.function.Function;
import vn.motcua.proto.report.v1.AssignTaskRequest;
import vn.motcua.proto.report.v1.AssignTaskResponse;
import vn.motcua.proto.report.v1.CompleteTaskRequest;
import vn.motcua.proto.report.v1.CompleteTaskResponse;
import vn.motcua.proto.report.v1.GetDirectiveRequest;
import vn.motcua.proto.report.v1.GetDirectiveResponse;
import vn.motcua.proto.report.v1.GetTaskBoardRequest;
import vn.motcua.proto.report.v1.GetTaskBoardResponse;
import vn.motcua.proto.report.v1.GetTaskContactsRequest;
import vn.motcua.proto.report.v1.GetTaskContactsResponse;
import vn.motcua.proto.report.v1.GetTaskPunctualityRequest;
import vn.motcua.proto.report.v1.GetTaskPunctualityResponse;
import vn.motcua.proto.report.v1.GetTaskRequest;
import vn.motcua.proto.report.v1.GetTaskResponse;
import vn.motcua.proto.report.v1.IssueDirectiveRequest;
import vn.motcua.proto.report.v1.IssueDirectiveResponse;
import vn.motcua.proto.report.v1.ListDirectivesRequest;
import vn.motcua.proto.report.v1.ListDirectivesResponse;
import vn.motcua.proto.report.v1.ListTaskNotificationsRequest;
import vn.motcua.proto.report.v1.ListTaskNotificationsResponse;
import vn.motcua.proto.report.v1.ListTasksRequest;
import vn.motcua.proto.report.v1.ListTasksResponse;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadRequest;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadResponse;
import vn.motcua.proto.report.v1.ReportTaskProgressRequest;
import vn.motcua.proto.report.v1.ReportTaskProgressResponse;
import vn.motcua.proto.report.v1.SetTaskContactsRequest;
import vn.motcua.proto.report.v1.SetTaskContactsResponse;
import vn.motcua.proto.report.v1.TaskServiceGrpc;
import vn.motcua.report.reminder.grpc.NotificationRpc;
import vn.motcua.report.task.grpc.TaskRpc;

/**
 * {@code motcua.report.v1.TaskService} (issue 14): directives and tasks ({@link TaskRpc}), reminder contacts and the
 * in-app inbox ({@link NotificationRpc}). Translates nothing itself; errors propagate as DomainException.
 */
@Singleton
public class TaskServiceEndpoint extends TaskServiceGrpc.TaskServiceImplBase {

    private final NotificationRpc notificationRpc;
    private final TaskRpc taskRpc;

    public TaskServiceEndpoint(NotificationRpc notificationRpc, TaskRpc taskRpc) {
        this.notificationRpc = notificationRpc;
        this.taskRpc = taskRpc;
    }

    @Override
    public void issueDirective(IssueDirectiveRequest request, StreamObserver<IssueDirectiveResponse> responseObserver) {
        answer(request, taskRpc::issueDirective, responseObserver);
    }

    @Override
    public void listDirectives(ListDirectivesRequest request, StreamObserver<ListDirectivesResponse> responseObserver) {
        answer(request, taskRpc::listDirectives, responseObserver);
    }

    @Override
    public void getDirective(GetDirectiveRequest request, StreamObserver<GetDirectiveResponse> responseObserver) {
        answer(request, taskRpc::getDirective, responseObserver);
    }

    @Override
    public void assignTask(AssignTaskRequest request, StreamObserver<AssignTaskResponse> responseObserver) {
        answer(request, taskRpc::assignTask, responseObserver);
    }

    @Override
    public void listTasks(ListTasksRequest request, StreamObserver<ListTasksResponse> responseObserver) {
        answer(request, taskRpc::listTasks, responseObserver);
    }

    @Override
    public void getTask(GetTaskRequest request, StreamObserver<GetTaskResponse> responseObserver) {
        answer(request, taskRpc::getTask, responseObserver);
    }

    @Override
    public void reportTaskProgress(
            ReportTaskProgressRequest request, StreamObserver<ReportTaskProgressResponse> responseObserver) {
        answer(request, taskRpc::reportTaskProgress, responseObserver);
    }

    @Override
    public void completeTask(CompleteTaskRequest request, StreamObserver<CompleteTaskResponse> responseObserver) {
        answer(request, taskRpc::completeTask, responseObserver);
    }

    @Override
    public void getTaskBoard(GetTaskBoardRequest request, StreamObserver<GetTaskBoardResponse> responseObserver) {
        answer(request, taskRpc::getTaskBoard, responseObserver);
    }

    @Override
    public void getTaskPunctuality(
            GetTaskPunctualityRequest request, StreamObserver<GetTaskPunctualityResponse> responseObserver) {
        answer(request, taskRpc::getTaskPunctuality, responseObserver);
    }

    @Override
    public void getTaskContacts(
            GetTaskContactsRequest request, StreamObserver<GetTaskContactsResponse> responseObserver) {
        answer(request, notificationRpc::getTaskContacts, responseObserver);
    }

    @Override
    public void setTaskContacts(
            SetTaskContactsRequest request, StreamObserver<SetTaskContactsResponse> responseObserver) {
        answer(request, notificationRpc::setTaskContacts, responseObserver);
    }

    @Override
    public void listTaskNotifications(
            ListTaskNotificationsRequest request, StreamObserver<ListTaskNotificationsResponse> responseObserver) {
        answer(request, notificationRpc::listTaskNotifications, responseObserver);
    }

    @Override
    public void markTaskNotificationRead(
            MarkTaskNotificationReadRequest request,
            StreamObserver<MarkTaskNotificationReadResponse> responseObserver) {
        answer(request, notificationRpc::markTaskNotificationRead, responseObserver);
    }

    private static <Q, A> void answer(Q request, Function<Q, A> adapter, StreamObserver<A> responseObserver) {
        responseObserver.onNext(adapter.apply(request));
        responseObserver.onCompleted();
    }
}
