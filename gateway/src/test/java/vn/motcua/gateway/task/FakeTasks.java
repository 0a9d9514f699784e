package vn.motcua.gateway.task;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.report.v1.*;

/**
 * Test double of report-service's TaskService and CampaignService at the gRPC contract boundary, on a real loopback
 * port: every RPC answers a realistic message built from its request (or the failure a test arranged, mapped by the
 * platform's GrpcErrors as in the real service) and is recorded with its request and metadata.
 */
final class FakeTasks implements AutoCloseable {

    /** 2026-12-07T09:00:00Z: 16:00 in Hà Nội. */
    static final Timestamp DEADLINE =
            Timestamp.newBuilder().setSeconds(1_796_634_000L).build();
    /** 2026-12-08T09:00:00Z: the deadline moved past a day off. */
    static final Timestamp EFFECTIVE =
            Timestamp.newBuilder().setSeconds(1_796_720_400L).build();
    /** 2026-12-07T08:59:58Z. */
    static final Timestamp DONE =
            Timestamp.newBuilder().setSeconds(1_796_633_998L).build();
    /** 2026-12-01T02:00:00Z. */
    static final Timestamp CREATED =
            Timestamp.newBuilder().setSeconds(1_796_090_400L).build();

    /** The start of an XLSX file (a ZIP), with bytes that are not valid UTF-8. */
    static final byte[] XLSX_BYTES = {'P', 'K', 3, 4, (byte) 0xff, (byte) 0xfe, 0, 1, 2, 3};

    record Received(String method, Message request, Metadata headers) {

        String authorization() {
            return headers.get(MetadataKeys.AUTHORIZATION);
        }
    }

    private static final Context.Key<Metadata> HEADERS = Context.key("fake-tasks-headers");

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile Throwable failure;
    private volatile String exportFileName;

    private FakeTasks() {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new Tasks(), capture))
                    .addService(ServerInterceptors.intercept(new Campaigns(), capture))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reset();
    }

    static FakeTasks start() {
        return new FakeTasks();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    void reset() {
        received.clear();
        failure = null;
        exportFileName = "NV-7-11077-v2.xlsx";
    }

    /** Every following call fails with this (DomainException, StatusRuntimeException or any other exception). */
    void failWith(Throwable error) {
        this.failure = error;
    }

    /** The file name ExportCampaignReport answers from now on. */
    void exportFileName(String name) {
        this.exportFileName = name;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one call, got " + received);
        }
        return received.get(0);
    }

    @SuppressWarnings("unchecked")
    <T extends Message> T sent(Class<T> type) {
        return (T) only().request();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private <T> void answer(String method, Message request, StreamObserver<T> observer, Supplier<T> response) {
        received.add(new Received(method, request, HEADERS.get()));
        Throwable error = failure;
        if (error != null) {
            observer.onError(GrpcErrors.toException(error));
            return;
        }
        observer.onNext(response.get());
        observer.onCompleted();
    }

    // --- realistic messages -----------------------------------------------------------------------------------------

    static UnitRef unit(String code, String name, UnitLevel level, String parent) {
        return UnitRef.newBuilder()
                .setCode(code)
                .setName(name)
                .setLevel(level)
                .setParentCode(parent)
                .build();
    }

    static UnitRef district() {
        return unit("298", "Huyện Tứ Kỳ", UnitLevel.UNIT_LEVEL_DISTRICT, "30");
    }

    static UnitRef commune(String code) {
        return unit(code, "Xã " + code, UnitLevel.UNIT_LEVEL_COMMUNE, "298");
    }

    static Directive directive(String id) {
        return Directive.newBuilder()
                .setDirectiveId(id)
                .setIssuingUnit(district())
                .setNumber("125/KH-UBND")
                .setSignedOn("2026-12-01")
                .setTitle("Kế hoạch rà soát thủ tục hành chính năm 2026")
                .setSigner("Phó Chủ tịch Nguyễn Văn A")
                .setIssuedBy("ld.tuky")
                .setIssuedAt(CREATED)
                .build();
    }

    /** A done, late assignment of commune 11074 (a TASK answered yes). */
    static Assignment doneAssignment() {
        return Assignment.newBuilder()
                .setUnit(commune("11074"))
                .setStage(AssignmentStage.ASSIGNMENT_STAGE_ASSIGNEE)
                .setDeadline(DEADLINE)
                .setEffectiveDeadline(EFFECTIVE)
                .setTimeliness(Timeliness.TIMELINESS_ON_TIME)
                .setDoneAt(DONE)
                .setDoneBy("ld.11074")
                .setProgressPercent(100)
                .setLastActivityAt(DONE)
                .setAnswer(true)
                .build();
    }

    /** A silent, missing campaign assignment of commune 11077 (no report yet: version 0, no state). */
    static Assignment silentAssignment() {
        return Assignment.newBuilder()
                .setUnit(commune("11077"))
                .setStage(AssignmentStage.ASSIGNMENT_STAGE_ASSIGNEE)
                .setDeadline(DEADLINE)
                .setEffectiveDeadline(DEADLINE)
                .setTimeliness(Timeliness.TIMELINESS_MISSING)
                .setWorkingDaysLate(2)
                .setSilent(true)
                .build();
    }

    static Task task(String id) {
        return Task.newBuilder()
                .setTaskId(id)
                .setDirectiveId("DIR-1")
                .setDirectiveLabel("125/KH-UBND - Kế hoạch rà soát thủ tục hành chính năm 2026")
                .setIssuingUnit(district())
                .setKind(TaskKind.TASK_KIND_CAMPAIGN)
                .setTitle("Thống kê thủ tục hành chính")
                .setExpectedOutput(ExpectedOutput.EXPECTED_OUTPUT_REPORT_TEMPLATE)
                .setTemplate(CampaignTemplate.newBuilder()
                        .addColumns(TemplateColumn.newBuilder()
                                .setKey("procedure_code")
                                .setLabel("Mã thủ tục")
                                .setType(ColumnType.COLUMN_TYPE_TEXT)
                                .setRequired(true))
                        .addColumns(TemplateColumn.newBuilder()
                                .setKey("received")
                                .setLabel("Số hồ sơ tiếp nhận")
                                .setType(ColumnType.COLUMN_TYPE_INTEGER))
                        .setPrefill(TemplatePrefill.TEMPLATE_PREFILL_PROCEDURES))
                .setFollowUpUser("cv.tuky")
                .setCreatedBy("ld.tuky")
                .setCreatedAt(CREATED)
                .addAssignments(doneAssignment())
                .addAssignments(silentAssignment())
                .build();
    }

    static ProgressReport progress(String taskId) {
        return ProgressReport.newBuilder()
                .setProgressId("PRG-1")
                .setTaskId(taskId)
                .setUnit(commune("11074"))
                .setText("Đã rà soát 40 thủ tục")
                .setPercent(60)
                .addDocumentIds("DOC-9")
                .setReportedBy("cv.11074")
                .setReportedAt(CREATED)
                .build();
    }

    static BoardCounts counts() {
        return BoardCounts.newBuilder()
                .setOnTime(2)
                .setLate(1)
                .setMissing(1)
                .setPending(0)
                .setSilent(1)
                .build();
    }

    static TaskContacts contacts(String unit, List<String> assignees, List<String> leaders) {
        return TaskContacts.newBuilder()
                .setUnitCode(unit)
                .addAllAssigneeEmails(assignees)
                .addAllLeaderEmails(leaders)
                .setUpdatedBy("admin.tuky")
                .setUpdatedAt(CREATED)
                .build();
    }

    static TaskNotification notification(String id, boolean read) {
        TaskNotification.Builder n = TaskNotification.newBuilder()
                .setNotificationId(id)
                .setTaskId("TASK-7")
                .setTaskTitle("Thống kê thủ tục hành chính")
                .setUnit(commune("11077"))
                .setAudience(NotificationAudience.NOTIFICATION_AUDIENCE_ASSIGNEE)
                .setKind(NotificationKind.NOTIFICATION_KIND_DUE_SOON)
                .setMessage("Nhiệm vụ \"Thống kê thủ tục hành chính\" đến hạn lúc 16:00 ngày 07/12/2026")
                .setCreatedAt(CREATED)
                .setEmailedTo(2);
        if (read) {
            n.setReadAt(DONE);
        }
        return n.build();
    }

    /** A submitted version 2 of commune 11077, late, after a return of version 1. */
    static CampaignReport report(String id, String taskId, boolean withRows) {
        CampaignReport.Builder r = CampaignReport.newBuilder()
                .setReportId(id)
                .setTaskId(taskId)
                .setUnit(commune("11077"))
                .setVersion(2)
                .setState(CampaignReportState.CAMPAIGN_REPORT_STATE_SUBMITTED)
                .setRowCount(2)
                .setSavedBy("cv.11077")
                .setSavedAt(CREATED)
                .setSubmittedBy("ld.11077")
                .setSubmittedAt(DONE)
                .setLate(true);
        if (withRows) {
            r.addRows(CampaignRow.newBuilder()
                            .putCells("procedure_code", "1.001193")
                            .putCells("received", "12"))
                    .addRows(CampaignRow.newBuilder()
                            .putCells("procedure_code", "2.000123")
                            .putCells("received", ""));
        }
        return r.build();
    }

    /** The district's consolidation draft: rows taken from its communes' accepted versions. */
    static CampaignReport consolidation(String taskId) {
        return CampaignReport.newBuilder()
                .setReportId("REP-298-1")
                .setTaskId(taskId)
                .setUnit(district())
                .setVersion(1)
                .setState(CampaignReportState.CAMPAIGN_REPORT_STATE_DRAFT)
                .setConsolidation(true)
                .addRows(CampaignRow.newBuilder()
                        .putCells("procedure_code", "1.001193")
                        .setSourceUnitCode("11074")
                        .setSourceUnitName("Xã 11074"))
                .setRowCount(1)
                .setSavedBy("cv.tuky")
                .setSavedAt(CREATED)
                .addSourceReportIds("REP-11074-1")
                .addSourceReportIds("REP-11077-2")
                .build();
    }

    // --- the services -----------------------------------------------------------------------------------------------

    private final class Tasks extends TaskServiceGrpc.TaskServiceImplBase {

        @Override
        public void issueDirective(IssueDirectiveRequest r, StreamObserver<IssueDirectiveResponse> o) {
            answer(
                    "IssueDirective",
                    r,
                    o,
                    () -> IssueDirectiveResponse.newBuilder()
                            .setDirective(directive("DIR-1").toBuilder()
                                    .setNumber(r.getNumber())
                                    .setTitle(r.getTitle())
                                    .setDocumentId(r.getDocumentId()))
                            .build());
        }

        @Override
        public void listDirectives(ListDirectivesRequest r, StreamObserver<ListDirectivesResponse> o) {
            answer(
                    "ListDirectives",
                    r,
                    o,
                    () -> ListDirectivesResponse.newBuilder()
                            .addDirectives(directive("DIR-2"))
                            .addDirectives(directive("DIR-1"))
                            .setNextPageToken("p2")
                            .build());
        }

        @Override
        public void getDirective(GetDirectiveRequest r, StreamObserver<GetDirectiveResponse> o) {
            answer(
                    "GetDirective",
                    r,
                    o,
                    () -> GetDirectiveResponse.newBuilder()
                            .setDirective(
                                    directive(r.getDirectiveId()).toBuilder().addTasks(task("TASK-7")))
                            .build());
        }

        @Override
        public void assignTask(AssignTaskRequest r, StreamObserver<AssignTaskResponse> o) {
            answer(
                    "AssignTask",
                    r,
                    o,
                    () -> AssignTaskResponse.newBuilder()
                            .setTask(task("TASK-7").toBuilder().setDirectiveId(r.getDirectiveId()))
                            .build());
        }

        @Override
        public void listTasks(ListTasksRequest r, StreamObserver<ListTasksResponse> o) {
            answer(
                    "ListTasks",
                    r,
                    o,
                    () -> ListTasksResponse.newBuilder()
                            .addTasks(task("TASK-7"))
                            .build());
        }

        @Override
        public void getTask(GetTaskRequest r, StreamObserver<GetTaskResponse> o) {
            answer(
                    "GetTask",
                    r,
                    o,
                    () -> GetTaskResponse.newBuilder()
                            .setTask(task(r.getTaskId()))
                            .build());
        }

        @Override
        public void reportTaskProgress(ReportTaskProgressRequest r, StreamObserver<ReportTaskProgressResponse> o) {
            answer(
                    "ReportTaskProgress",
                    r,
                    o,
                    () -> ReportTaskProgressResponse.newBuilder()
                            .setProgress(progress(r.getTaskId()))
                            .setAssignment(doneAssignment().toBuilder()
                                    .clearDoneAt()
                                    .clearDoneBy()
                                    .setTimeliness(Timeliness.TIMELINESS_PENDING)
                                    .setProgressPercent(r.getPercent()))
                            .build());
        }

        @Override
        public void completeTask(CompleteTaskRequest r, StreamObserver<CompleteTaskResponse> o) {
            answer(
                    "CompleteTask",
                    r,
                    o,
                    () -> CompleteTaskResponse.newBuilder()
                            .setAssignment(doneAssignment())
                            .build());
        }

        @Override
        public void getTaskBoard(GetTaskBoardRequest r, StreamObserver<GetTaskBoardResponse> o) {
            answer(
                    "GetTaskBoard",
                    r,
                    o,
                    () -> GetTaskBoardResponse.newBuilder()
                            .setTask(task(r.getTaskId()))
                            .setCounts(counts())
                            .addProgress(progress(r.getTaskId()))
                            .build());
        }

        @Override
        public void getTaskPunctuality(GetTaskPunctualityRequest r, StreamObserver<GetTaskPunctualityResponse> o) {
            answer(
                    "GetTaskPunctuality",
                    r,
                    o,
                    () -> GetTaskPunctualityResponse.newBuilder()
                            .addUnits(UnitPunctuality.newBuilder()
                                    .setUnit(commune("11074"))
                                    .setCounts(counts())
                                    .setOnTimePerMille(500))
                            .addUnits(UnitPunctuality.newBuilder()
                                    .setUnit(commune("11080"))
                                    .setCounts(BoardCounts.getDefaultInstance())
                                    .setOnTimePerMille(-1))
                            .setTotal(counts())
                            .build());
        }

        @Override
        public void getTaskContacts(GetTaskContactsRequest r, StreamObserver<GetTaskContactsResponse> o) {
            answer(
                    "GetTaskContacts",
                    r,
                    o,
                    () -> GetTaskContactsResponse.newBuilder()
                            .setContacts(TaskContacts.newBuilder().setUnitCode(r.getUnitCode()))
                            .build());
        }

        @Override
        public void setTaskContacts(SetTaskContactsRequest r, StreamObserver<SetTaskContactsResponse> o) {
            answer(
                    "SetTaskContacts",
                    r,
                    o,
                    () -> SetTaskContactsResponse.newBuilder()
                            .setContacts(contacts(r.getUnitCode(), r.getAssigneeEmailsList(), r.getLeaderEmailsList()))
                            .build());
        }

        @Override
        public void listTaskNotifications(
                ListTaskNotificationsRequest r, StreamObserver<ListTaskNotificationsResponse> o) {
            answer(
                    "ListTaskNotifications",
                    r,
                    o,
                    () -> ListTaskNotificationsResponse.newBuilder()
                            .addNotifications(notification("N-2", false))
                            .addNotifications(notification("N-1", true))
                            .setNextPageToken("")
                            .setUnread(1)
                            .build());
        }

        @Override
        public void markTaskNotificationRead(
                MarkTaskNotificationReadRequest r, StreamObserver<MarkTaskNotificationReadResponse> o) {
            answer(
                    "MarkTaskNotificationRead",
                    r,
                    o,
                    () -> MarkTaskNotificationReadResponse.newBuilder()
                            .setNotification(notification(r.getNotificationId(), true))
                            .build());
        }
    }

    private final class Campaigns extends CampaignServiceGrpc.CampaignServiceImplBase {

        @Override
        public void saveCampaignDraft(SaveCampaignDraftRequest r, StreamObserver<SaveCampaignDraftResponse> o) {
            answer(
                    "SaveCampaignDraft",
                    r,
                    o,
                    () -> SaveCampaignDraftResponse.newBuilder()
                            .setReport(CampaignReport.newBuilder()
                                    .setReportId("REP-11077-3")
                                    .setTaskId(r.getTaskId())
                                    .setUnit(commune("11077"))
                                    .setVersion(3)
                                    .setState(CampaignReportState.CAMPAIGN_REPORT_STATE_DRAFT)
                                    .addAllRows(r.getRowsList())
                                    .setRowCount(r.getRowsCount())
                                    .setSavedBy("cv.11077")
                                    .setSavedAt(CREATED))
                            .build());
        }

        @Override
        public void submitCampaignReport(
                SubmitCampaignReportRequest r, StreamObserver<SubmitCampaignReportResponse> o) {
            answer(
                    "SubmitCampaignReport",
                    r,
                    o,
                    () -> SubmitCampaignReportResponse.newBuilder()
                            .setReport(report("REP-11077-2", r.getTaskId(), false))
                            .build());
        }

        @Override
        public void returnCampaignReport(
                ReturnCampaignReportRequest r, StreamObserver<ReturnCampaignReportResponse> o) {
            answer(
                    "ReturnCampaignReport",
                    r,
                    o,
                    () -> ReturnCampaignReportResponse.newBuilder()
                            .setReport(report(r.getReportId(), "TASK-7", false).toBuilder()
                                    .setState(CampaignReportState.CAMPAIGN_REPORT_STATE_RETURNED)
                                    .setReturnedBy("cv.tuky")
                                    .setReturnedAt(DONE)
                                    .setReturnReason(r.getReason()))
                            .build());
        }

        @Override
        public void acceptCampaignReport(
                AcceptCampaignReportRequest r, StreamObserver<AcceptCampaignReportResponse> o) {
            answer(
                    "AcceptCampaignReport",
                    r,
                    o,
                    () -> AcceptCampaignReportResponse.newBuilder()
                            .setReport(report(r.getReportId(), "TASK-7", false).toBuilder()
                                    .setState(CampaignReportState.CAMPAIGN_REPORT_STATE_ACCEPTED)
                                    .setAcceptedBy("ld.tuky")
                                    .setAcceptedAt(DONE))
                            .build());
        }

        @Override
        public void consolidateCampaign(ConsolidateCampaignRequest r, StreamObserver<ConsolidateCampaignResponse> o) {
            answer(
                    "ConsolidateCampaign",
                    r,
                    o,
                    () -> ConsolidateCampaignResponse.newBuilder()
                            .setReport(consolidation(r.getTaskId()))
                            .build());
        }

        @Override
        public void listCampaignReports(ListCampaignReportsRequest r, StreamObserver<ListCampaignReportsResponse> o) {
            answer(
                    "ListCampaignReports",
                    r,
                    o,
                    () -> ListCampaignReportsResponse.newBuilder()
                            .addReports(report("REP-11077-2", r.getTaskId(), false))
                            .addReports(report("REP-11077-1", r.getTaskId(), false).toBuilder()
                                    .setVersion(1)
                                    .setState(CampaignReportState.CAMPAIGN_REPORT_STATE_RETURNED)
                                    .setLate(false))
                            .build());
        }

        @Override
        public void getCampaignReport(GetCampaignReportRequest r, StreamObserver<GetCampaignReportResponse> o) {
            answer(
                    "GetCampaignReport",
                    r,
                    o,
                    () -> GetCampaignReportResponse.newBuilder()
                            .setReport(report(r.getReportId(), "TASK-7", true))
                            .build());
        }

        @Override
        public void exportCampaignReport(
                ExportCampaignReportRequest r, StreamObserver<ExportCampaignReportResponse> o) {
            answer(
                    "ExportCampaignReport",
                    r,
                    o,
                    () -> ExportCampaignReportResponse.newBuilder()
                            .setContent(ByteString.copyFrom(XLSX_BYTES))
                            .setFileName(exportFileName)
                            .setReportId("REP-11077-2")
                            .setVersion(2)
                            .build());
        }
    }
}
