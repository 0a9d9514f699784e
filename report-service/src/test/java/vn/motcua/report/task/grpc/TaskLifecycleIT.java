package vn.motcua.report.task.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayAdded;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.CalendarDayRemoved;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;
import vn.motcua.proto.report.v1.AssignTaskRequest;
import vn.motcua.proto.report.v1.Assignment;
import vn.motcua.proto.report.v1.AssignmentStage;
import vn.motcua.proto.report.v1.BoardCounts;
import vn.motcua.proto.report.v1.CampaignTemplate;
import vn.motcua.proto.report.v1.ColumnType;
import vn.motcua.proto.report.v1.CompleteTaskRequest;
import vn.motcua.proto.report.v1.Directive;
import vn.motcua.proto.report.v1.DirectiveIssued;
import vn.motcua.proto.report.v1.ExpectedOutput;
import vn.motcua.proto.report.v1.GetDirectiveRequest;
import vn.motcua.proto.report.v1.GetTaskBoardRequest;
import vn.motcua.proto.report.v1.GetTaskBoardResponse;
import vn.motcua.proto.report.v1.GetTaskPunctualityRequest;
import vn.motcua.proto.report.v1.GetTaskPunctualityResponse;
import vn.motcua.proto.report.v1.GetTaskRequest;
import vn.motcua.proto.report.v1.IssueDirectiveRequest;
import vn.motcua.proto.report.v1.ListDirectivesRequest;
import vn.motcua.proto.report.v1.ListDirectivesResponse;
import vn.motcua.proto.report.v1.ListTasksRequest;
import vn.motcua.proto.report.v1.ListTasksResponse;
import vn.motcua.proto.report.v1.ReportTaskProgressRequest;
import vn.motcua.proto.report.v1.ReportTaskProgressResponse;
import vn.motcua.proto.report.v1.Task;
import vn.motcua.proto.report.v1.TaskChanged;
import vn.motcua.proto.report.v1.TaskKind;
import vn.motcua.proto.report.v1.TaskListView;
import vn.motcua.proto.report.v1.TaskServiceGrpc;
import vn.motcua.proto.report.v1.TemplateColumn;
import vn.motcua.proto.report.v1.TemplatePrefill;
import vn.motcua.proto.report.v1.Timeliness;
import vn.motcua.report.feed.grpc.DossierFeedHandler;
import vn.motcua.report.ii06a.GrpcItBase;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.task.SettableTaskClock;
import vn.motcua.report.task.domain.WorkCalendar;

/**
 * Directives and tasks over real gRPC on MariaDB, with a pinned task clock. Province 30 > district 298 > communes
 * 11074, 11077, 11080, 11083; 30 > district 297 > commune 10999. Each test issues its own directive (numbers differ).
 */
@MicronautTest(transactional = false)
class TaskLifecycleIT extends GrpcItBase {

    @Inject
    SettableTaskClock clock;

    @Inject
    DossierFeedHandler dossierFeed;

    @Inject
    TransactionOperations<Connection> tx;

    private String leader298;
    private String specialist298;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.test.task-clock", "true", "motcua.feed.relay-idle-interval", "20ms");
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11074", "Xã Ngọc Sơn", 3, "298")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Đại Sơn", 3, "298")
                .unit("11083", "Xã Quang Khải", 3, "298")
                .unit("297", "Huyện Thanh Hà", 2, "30")
                .unit("10999", "Xã Thanh Xuân", 3, "297")
                .unit("11001", "Xã Thanh Sơn", 3, "297");
        leader298 = idp.officer("leader298", "298", "unit_leader");
        specialist298 = idp.officer("cv298", "298", "specialist");
    }

    private TaskServiceGrpc.TaskServiceBlockingStub tasks(String token) {
        return TaskServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private Directive issue(String token, String requestId, String number) {
        return tasks(token)
                .issueDirective(IssueDirectiveRequest.newBuilder()
                        .setRequestId(requestId)
                        .setNumber(number)
                        .setSignedOn("2026-08-31")
                        .setTitle("Kế hoạch cải cách hành chính quý IV")
                        .setSigner("Phó Chủ tịch Nguyễn Văn A")
                        .setDocumentId("DOC-KH125")
                        .build())
                .getDirective();
    }

    private static AssignTaskRequest.Builder yesNoTask(String directiveId, String deadline, String... units) {
        return AssignTaskRequest.newBuilder()
                .setDirectiveId(directiveId)
                .setKind(TaskKind.TASK_KIND_TASK)
                .setTitle("Rà soát thủ tục hành chính")
                .setDescription("Báo cáo kết quả rà soát")
                .addAllAssigneeUnitCodes(List.of(units))
                .setDeadline(deadline)
                .setExpectedOutput(ExpectedOutput.EXPECTED_OUTPUT_YES_NO);
    }

    private Task assign(String token, AssignTaskRequest.Builder request) {
        return tasks(token).assignTask(request.build()).getTask();
    }

    private ReportTaskProgressResponse progress(String token, String taskId, String text, int percent) {
        return tasks(token)
                .reportTaskProgress(ReportTaskProgressRequest.newBuilder()
                        .setTaskId(taskId)
                        .setText(text)
                        .setPercent(percent)
                        .addDocumentIds("DOC-BC1")
                        .build());
    }

    private Assignment complete(String token, String taskId) {
        return tasks(token)
                .completeTask(CompleteTaskRequest.newBuilder()
                        .setTaskId(taskId)
                        .setAnswer(true)
                        .setNote("Đã thực hiện")
                        .build())
                .getAssignment();
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(WorkCalendar.ZONE).toInstant();
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Assignment of(Task task, String unit) {
        return task.getAssignmentsList().stream()
                .filter(a -> a.getUnit().getCode().equals(unit))
                .findFirst()
                .orElseThrow();
    }

    private long count(String sql, Object... args) {
        return ReportItSupport.queryLong(db, sql, args);
    }

    /** The feed events of one aggregate in the order written: event type and payload. */
    private List<Map.Entry<String, Any>> outbox(String aggregateId) {
        List<Map.Entry<String, Any>> events = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT event_type, payload_type, payload, unit_code"
                        + " FROM feed_outbox WHERE aggregate_id = ? ORDER BY id")) {
            ps.setString(1, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(Map.entry(
                            rs.getString(1) + "@" + rs.getString(4),
                            Any.newBuilder()
                                    .setTypeUrl("type.googleapis.com/" + rs.getString(2))
                                    .setValue(com.google.protobuf.ByteString.copyFrom(rs.getBytes(3)))
                                    .build()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    @Test
    void aTaskGoesFromAssignmentThroughProgressAndCompletionToTheBoardAndPunctuality() throws Exception {
        clock.setLocal("2026-10-05T08:00");
        Directive d = issue(leader298, "life-directive", "125/KH-UBND");
        assertThat(d.getIssuingUnit().getCode()).isEqualTo("298");
        assertThat(d.getIssuedBy()).isEqualTo("leader298");

        // Friday 9/10 16:00: a working day, so the effective deadline is the deadline
        Task task = assign(
                leader298,
                yesNoTask(d.getDirectiveId(), "2026-10-09T16:00", "11074", "11077", "11080", "11083")
                        .setRequestId("life-task"));
        assertThat(task.getDirectiveLabel()).isEqualTo("125/KH-UBND - Kế hoạch cải cách hành chính quý IV");
        assertThat(task.getFollowUpUser()).isEqualTo("leader298");
        assertThat(task.getAssignmentsList())
                .extracting(a -> a.getUnit().getCode())
                .containsExactly("11074", "11077", "11080", "11083");
        assertThat(task.getAssignmentsList()).allSatisfy(a -> {
            assertThat(a.getStage()).isEqualTo(AssignmentStage.ASSIGNMENT_STAGE_ASSIGNEE);
            assertThat(instant(a.getEffectiveDeadline())).isEqualTo(local("2026-10-09T16:00"));
            assertThat(a.getTimeliness()).isEqualTo(Timeliness.TIMELINESS_PENDING);
            assertThat(a.getSilent()).isTrue();
        });

        clock.setLocal("2026-10-06T09:00");
        String officer11074 = idp.officer("cv11074", "11074", "specialist");
        ReportTaskProgressResponse p1 = progress(officer11074, task.getTaskId(), "Đã rà soát 10/20 thủ tục", 50);
        assertThat(p1.getProgress().getReportedBy()).isEqualTo("cv11074");
        assertThat(p1.getAssignment().getProgressPercent()).isEqualTo(50);
        assertThat(p1.getAssignment().getSilent()).isFalse();
        StatusRuntimeException backwards = failure(() -> progress(officer11074, task.getTaskId(), "Lùi tiến độ", 40));
        assertInvalid(backwards, "percent");

        clock.setLocal("2026-10-07T10:00");
        progress(idp.officer("cv11083", "11083", "clerk"), task.getTaskId(), "Đang tổng hợp", 20);
        Assignment done11074 = complete(idp.officer("leader11074", "11074", "unit_leader"), task.getTaskId());
        assertThat(done11074.getTimeliness()).isEqualTo(Timeliness.TIMELINESS_ON_TIME);
        assertThat(done11074.getAnswer()).isTrue();
        assertThat(done11074.getDoneBy()).isEqualTo("leader11074");
        assertThat(done11074.getWorkingDaysLate()).isZero();

        // Monday 12/10 09:00: one working day (Monday) after Friday's deadline
        clock.setLocal("2026-10-12T09:00");
        Assignment done11077 = complete(idp.officer("leader11077", "11077", "unit_leader"), task.getTaskId());
        assertThat(done11077.getTimeliness()).isEqualTo(Timeliness.TIMELINESS_LATE);
        assertThat(done11077.getWorkingDaysLate()).isEqualTo(1);

        clock.setLocal("2026-10-13T10:00");
        GetTaskBoardResponse board = tasks(specialist298)
                .getTaskBoard(GetTaskBoardRequest.newBuilder()
                        .setTaskId(task.getTaskId())
                        .build());
        assertThat(board.getCounts())
                .isEqualTo(BoardCounts.newBuilder()
                        .setOnTime(1)
                        .setLate(1)
                        .setMissing(2)
                        .setSilent(1)
                        .build());
        assertThat(of(board.getTask(), "11080").getTimeliness()).isEqualTo(Timeliness.TIMELINESS_MISSING);
        assertThat(of(board.getTask(), "11080").getSilent()).isTrue();
        assertThat(of(board.getTask(), "11080").getWorkingDaysLate()).isEqualTo(2);
        assertThat(of(board.getTask(), "11083").getSilent()).isFalse();
        assertThat(board.getProgressList())
                .extracting(p -> p.getUnit().getCode() + " " + p.getPercent())
                .containsExactly("11074 50", "11083 20");

        // punctuality of the district's subtree, to a person and to the province's machine
        GetTaskPunctualityRequest october = GetTaskPunctualityRequest.newBuilder()
                .setUnitCode("298")
                .setFromDate("2026-10-01")
                .setToDate("2026-10-31")
                .build();
        GetTaskPunctualityResponse punctuality = tasks(leader298).getTaskPunctuality(october);
        assertThat(punctuality.getUnitsList())
                .extracting(u -> u.getUnit().getCode() + " " + u.getOnTimePerMille())
                .containsExactly("11074 1000", "11077 0", "11080 0", "11083 0");
        assertThat(punctuality.getTotal()).isEqualTo(board.getCounts());
        String machine = machine("province-report-puller", "30");
        assertThat(tasks(machine).getTaskPunctuality(october)).isEqualTo(punctuality);
        assertThat(tasks(leader298)
                        .getTaskPunctuality(
                                october.toBuilder().setFromDate("2026-10-10").build())
                        .getUnitsList())
                .as("the deadline on the 9th is outside 10..31/10")
                .isEmpty();

        // the feed: every change, with the task as it stood after it
        assertThat(outbox(d.getDirectiveId())).extracting(Map.Entry::getKey).containsExactly("directive.issued@298");
        assertThat(outbox(d.getDirectiveId())
                        .get(0)
                        .getValue()
                        .unpack(DirectiveIssued.class)
                        .getDirective())
                .isEqualTo(d);
        List<Map.Entry<String, Any>> events = outbox(task.getTaskId());
        assertThat(events)
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "task.assigned@298",
                        "task.progress_reported@11074",
                        "task.progress_reported@11083",
                        "task.completed@11074",
                        "task.completed@11077");
        TaskChanged assigned = events.get(0).getValue().unpack(TaskChanged.class);
        assertThat(assigned.getTask()).isEqualTo(task);
        assertThat(assigned.getUnitCode()).isEmpty();
        TaskChanged progressed = events.get(1).getValue().unpack(TaskChanged.class);
        assertThat(progressed.getProgress()).isEqualTo(p1.getProgress());
        assertThat(progressed.getUnitCode()).isEqualTo("11074");
        TaskChanged last = events.get(4).getValue().unpack(TaskChanged.class);
        assertThat(last.getUnitCode()).isEqualTo("11077");
        assertThat(of(last.getTask(), "11077").getTimeliness()).isEqualTo(Timeliness.TIMELINESS_LATE);
        assertThat(of(last.getTask(), "11074").getTimeliness()).isEqualTo(Timeliness.TIMELINESS_ON_TIME);
    }

    @Test
    void anAssigneeSeesOnlyItsOwnAssignmentAndOutsidersSeeNothing() {
        clock.setLocal("2026-09-01T08:00");
        Directive d = issue(leader298, "", "126/KH-UBND");
        Task task = assign(leader298, yesNoTask(d.getDirectiveId(), "2026-09-04T16:00", "11077", "11080"));
        String officer11077 = idp.officer("cv11077", "11077", "specialist");

        Task seen = tasks(officer11077)
                .getTask(GetTaskRequest.newBuilder().setTaskId(task.getTaskId()).build())
                .getTask();
        assertThat(seen.getAssignmentsList())
                .extracting(a -> a.getUnit().getCode())
                .containsExactly("11077");
        assertThat(seen.getTitle()).isEqualTo(task.getTitle());
        Directive viaDirective = tasks(officer11077)
                .getDirective(GetDirectiveRequest.newBuilder()
                        .setDirectiveId(d.getDirectiveId())
                        .build())
                .getDirective();
        assertThat(viaDirective.getTasksList()).hasSize(1);
        assertThat(viaDirective.getTasks(0).getAssignmentsCount()).isEqualTo(1);
        // the province above the issuer sees everything
        Task fromAbove = tasks(idp.officer("viewer30", "30", "report_viewer"))
                .getTask(GetTaskRequest.newBuilder().setTaskId(task.getTaskId()).build())
                .getTask();
        assertThat(fromAbove.getAssignmentsCount()).isEqualTo(2);

        String outsider = idp.officer("cv10999", "10999", "unit_leader");
        for (Runnable read : List.<Runnable>of(
                () -> tasks(outsider)
                        .getTask(GetTaskRequest.newBuilder()
                                .setTaskId(task.getTaskId())
                                .build()),
                () -> tasks(outsider)
                        .getDirective(GetDirectiveRequest.newBuilder()
                                .setDirectiveId(d.getDirectiveId())
                                .build()),
                () -> tasks(outsider)
                        .getTaskBoard(GetTaskBoardRequest.newBuilder()
                                .setTaskId(task.getTaskId())
                                .build()),
                () -> progress(outsider, task.getTaskId(), "không phải việc của tôi", 10),
                () -> tasks(outsider)
                        .getTask(GetTaskRequest.newBuilder()
                                .setTaskId("NOSUCHTASK")
                                .build()))) {
            assertThat(failure(read::run).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        }
        // an assignee knows the task (it reads its assignment), so the issuer's board is refused, not hidden
        assertThat(failure(() -> tasks(officer11077)
                                .getTaskBoard(GetTaskBoardRequest.newBuilder()
                                        .setTaskId(task.getTaskId())
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);

        // the issuer's officers read the task but act on no assignee's behalf; a specialist does not complete
        assertThat(failure(() -> progress(specialist298, task.getTaskId(), "thay xã báo cáo", 10))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> tasks(leader298)
                                .reportTaskProgress(ReportTaskProgressRequest.newBuilder()
                                        .setTaskId(task.getTaskId())
                                        .setUnitCode("11077")
                                        .setText("thay xã báo cáo")
                                        .setPercent(10)
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> complete(officer11077, task.getTaskId()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // machines read punctuality only
        assertThat(failure(() -> tasks(machine("province-report-puller", "30"))
                                .getTask(GetTaskRequest.newBuilder()
                                        .setTaskId(task.getTaskId())
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(count("SELECT COUNT(*) FROM task_progress WHERE task_id = ?", task.getTaskId()))
                .isZero();
    }

    @Test
    void onlyAUnitLeaderOfTheIssuingUnitsSubtreeIssuesAndAssigns() {
        clock.setLocal("2026-09-01T08:00");
        assertThat(failure(() -> issue(specialist298, "", "127/KH-UBND"))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> tasks(idp.officer("leader297", "297", "unit_leader"))
                                .issueDirective(IssueDirectiveRequest.newBuilder()
                                        .setIssuingUnitCode("298")
                                        .setNumber("127/KH-UBND")
                                        .setSignedOn("2026-08-31")
                                        .setTitle("x")
                                        .setSigner("y")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        Directive d = issue(leader298, "", "127/KH-UBND");
        assertThat(failure(() -> assign(specialist298, yesNoTask(d.getDirectiveId(), "2026-09-04T16:00", "11077")))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> assign(
                                idp.officer("leader11077", "11077", "unit_leader"),
                                yesNoTask(d.getDirectiveId(), "2026-09-04T16:00", "11077")))
                        .getStatus()
                        .getCode())
                .as("a commune does not see the district's directive")
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(count("SELECT COUNT(*) FROM task_item WHERE directive_id = ?", d.getDirectiveId()))
                .isZero();
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNothing() {
        clock.setLocal("2026-09-01T08:00");
        Directive d = issue(leader298, "", "128/KH-UBND");
        long outboxBefore = count("SELECT COUNT(*) FROM feed_outbox");
        long requestsBefore = count("SELECT COUNT(*) FROM idempotent_request");

        StatusRuntimeException e = failure(() -> assign(
                leader298,
                AssignTaskRequest.newBuilder()
                        .setRequestId("bad-1")
                        .setDirectiveId(d.getDirectiveId())
                        .setKind(TaskKind.TASK_KIND_TASK)
                        .setTitle(" ")
                        .addAllAssigneeUnitCodes(List.of("11077", "11077", "298", "10999", "99999"))
                        .setDeadline("2026-09-04 16:00")
                        .setUpwardDeadline("2026-09-10T16:00")
                        .setExpectedOutput(ExpectedOutput.EXPECTED_OUTPUT_REPORT_TEMPLATE)));
        assertInvalid(
                e,
                "title",
                "assignee_unit_codes[1]",
                "assignee_unit_codes[2]",
                "assignee_unit_codes[3]",
                "assignee_unit_codes[4]",
                "deadline",
                "upward_deadline",
                "expected_output");

        StatusRuntimeException campaign = failure(() -> assign(
                leader298,
                AssignTaskRequest.newBuilder()
                        .setDirectiveId(d.getDirectiveId())
                        .setKind(TaskKind.TASK_KIND_CAMPAIGN)
                        .setTitle("Thu thập số liệu")
                        .addAssigneeUnitCodes("11077")
                        .setDeadline("2026-08-31T16:00")
                        .setUpwardDeadline("2026-08-30T16:00")
                        .setTemplate(CampaignTemplate.newBuilder()
                                .addColumns(TemplateColumn.newBuilder()
                                        .setKey("Bad Key")
                                        .setLabel("Cột")
                                        .setType(ColumnType.COLUMN_TYPE_INTEGER)))));
        assertInvalid(campaign, "deadline", "upward_deadline", "template.columns[0].key");

        StatusRuntimeException none = failure(() -> assign(
                leader298,
                AssignTaskRequest.newBuilder()
                        .setDirectiveId(d.getDirectiveId())
                        .setTitle("Không có đơn vị")
                        .setDeadline("2026-09-04T16:00")));
        assertInvalid(none, "kind", "assignee_unit_codes");

        StatusRuntimeException directive = failure(() -> tasks(leader298)
                .issueDirective(IssueDirectiveRequest.newBuilder()
                        .setRequestId("bad-2")
                        .setSignedOn("31/08/2026")
                        .setDocumentId("not a document id")
                        .build()));
        assertInvalid(directive, "number", "title", "signer", "signed_on", "document_id");

        assertThat(count("SELECT COUNT(*) FROM task_item WHERE directive_id = ?", d.getDirectiveId()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM feed_outbox")).isEqualTo(outboxBefore);
        assertThat(count("SELECT COUNT(*) FROM idempotent_request"))
                .as("a refused request leaves its request_id free")
                .isEqualTo(requestsBefore);
    }

    @Test
    void aRepeatedRequestAnswersTheFirstResultAndWritesOnce() {
        clock.setLocal("2026-09-01T08:00");
        Directive first = issue(leader298, "idem-directive", "129/KH-UBND");
        Directive again = issue(leader298, "idem-directive", "129/KH-UBND");
        assertThat(again).isEqualTo(first);
        StatusRuntimeException reused = failure(() -> issue(leader298, "idem-directive", "130/KH-UBND"));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(reason(reused)).isEqualTo("REQUEST_ID_REUSED");
        StatusRuntimeException sameNumber = failure(() -> issue(leader298, "other-id", "129/KH-UBND"));
        assertThat(sameNumber.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(count("SELECT COUNT(*) FROM task_directive WHERE number = '129/KH-UBND'"))
                .isEqualTo(1);

        AssignTaskRequest.Builder request =
                yesNoTask(first.getDirectiveId(), "2026-09-04T16:00", "11077").setRequestId("idem-task");
        Task task = assign(leader298, request);
        assertThat(assign(leader298, request)).isEqualTo(task);
        assertThat(count("SELECT COUNT(*) FROM task_item WHERE directive_id = ?", first.getDirectiveId()))
                .isEqualTo(1);

        String leader11077 = idp.officer("leader11077", "11077", "unit_leader");
        ReportTaskProgressRequest progress = ReportTaskProgressRequest.newBuilder()
                .setRequestId("idem-progress")
                .setTaskId(task.getTaskId())
                .setText("Đang làm")
                .setPercent(30)
                .build();
        assertThat(tasks(leader11077).reportTaskProgress(progress))
                .isEqualTo(tasks(leader11077).reportTaskProgress(progress));
        CompleteTaskRequest completion = CompleteTaskRequest.newBuilder()
                .setRequestId("idem-complete")
                .setTaskId(task.getTaskId())
                .setAnswer(true)
                .build();
        Assignment done = tasks(leader11077).completeTask(completion).getAssignment();
        assertThat(tasks(leader11077).completeTask(completion).getAssignment()).isEqualTo(done);
        StatusRuntimeException twice = failure(() -> tasks(leader11077)
                .completeTask(
                        completion.toBuilder().setRequestId("idem-complete-2").build()));
        assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(twice)).isEqualTo("ILLEGAL_TRANSITION");

        assertThat(count("SELECT COUNT(*) FROM task_progress WHERE task_id = ?", task.getTaskId()))
                .isEqualTo(1);
        assertThat(outbox(task.getTaskId()))
                .extracting(Map.Entry::getKey)
                .containsExactly("task.assigned@298", "task.progress_reported@11077", "task.completed@11077");
        assertThat(outbox(first.getDirectiveId())).hasSize(1);
    }

    @Test
    void aCampaignHasItsTemplateAndTheIssuersUpwardDutyAndIsNotCompletedByHand() {
        clock.setLocal("2026-09-01T08:00");
        Directive d = issue(leader298, "", "131/KH-UBND");
        Task campaign = assign(
                leader298,
                AssignTaskRequest.newBuilder()
                        .setDirectiveId(d.getDirectiveId())
                        .setKind(TaskKind.TASK_KIND_CAMPAIGN)
                        .setTitle("Thu thập số liệu TTHC")
                        .addAllAssigneeUnitCodes(List.of("11080", "11077"))
                        .setDeadline("2026-09-04T16:00")
                        .setUpwardDeadline("2026-09-09T16:00")
                        .setTemplate(CampaignTemplate.newBuilder()
                                .addColumns(TemplateColumn.newBuilder()
                                        .setKey("procedure_code")
                                        .setLabel("Mã thủ tục")
                                        .setType(ColumnType.COLUMN_TYPE_TEXT)
                                        .setRequired(true))
                                .addColumns(TemplateColumn.newBuilder()
                                        .setKey("so_ho_so")
                                        .setLabel("Số hồ sơ")
                                        .setType(ColumnType.COLUMN_TYPE_INTEGER))
                                .setPrefill(TemplatePrefill.TEMPLATE_PREFILL_PROCEDURES)));
        assertThat(campaign.getExpectedOutput()).isEqualTo(ExpectedOutput.EXPECTED_OUTPUT_REPORT_TEMPLATE);
        assertThat(campaign.getTemplate().getColumnsList())
                .extracting(TemplateColumn::getKey)
                .containsExactly("procedure_code", "so_ho_so");
        assertThat(campaign.getTemplate().getPrefill()).isEqualTo(TemplatePrefill.TEMPLATE_PREFILL_PROCEDURES);
        assertThat(campaign.getAssignmentsList())
                .extracting(a -> a.getUnit().getCode() + " " + a.getStage().name())
                .as("assignees in the order given, then the issuer's own duty to its parent")
                .containsExactly(
                        "11080 ASSIGNMENT_STAGE_ASSIGNEE",
                        "11077 ASSIGNMENT_STAGE_ASSIGNEE",
                        "298 ASSIGNMENT_STAGE_UPWARD");
        assertThat(instant(of(campaign, "298").getDeadline())).isEqualTo(local("2026-09-09T16:00"));

        StatusRuntimeException byHand =
                failure(() -> complete(idp.officer("leader11077", "11077", "unit_leader"), campaign.getTaskId()));
        assertThat(byHand.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(byHand)).isEqualTo("RULE_VIOLATED");

        // the board counts the assignees only; the district's list of assigned tasks holds its UPWARD duty
        GetTaskBoardResponse board = tasks(leader298)
                .getTaskBoard(GetTaskBoardRequest.newBuilder()
                        .setTaskId(campaign.getTaskId())
                        .build());
        assertThat(board.getCounts().getPending()).isEqualTo(2);
        ListTasksResponse assigned298 = tasks(leader298)
                .listTasks(ListTasksRequest.newBuilder().setOpenOnly(true).build());
        assertThat(assigned298.getTasksList()).extracting(Task::getTaskId).contains(campaign.getTaskId());
        // a province cannot run a campaign upward: it has no parent
        String leader30 = idp.officer("leader30", "30", "unit_leader");
        Directive provincial = issue(leader30, "", "01/KH-UBND");
        StatusRuntimeException noParent = failure(() -> assign(
                leader30,
                AssignTaskRequest.newBuilder()
                        .setDirectiveId(provincial.getDirectiveId())
                        .setKind(TaskKind.TASK_KIND_CAMPAIGN)
                        .setTitle("Thu thập")
                        .addAssigneeUnitCodes("298")
                        .setDeadline("2026-09-04T16:00")
                        .setUpwardDeadline("2026-09-09T16:00")
                        .setTemplate(campaign.getTemplate())));
        assertThat(noParent.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void daysOffFromTheCalendarFeedMoveDeadlinesForTheUnitsTheyApplyTo() {
        clock.setLocal("2026-09-01T08:00");
        // nationwide: Wed 2/9 off; district 297's subtree: Thu 3/9 off too; then the nationwide day is withdrawn
        calendarEvent(
                "calendar.day-added",
                CalendarDayAdded.newBuilder()
                        .setDay(day("2026-09-02", CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF, ""))
                        .build());
        calendarEvent(
                "calendar.day-added",
                CalendarDayAdded.newBuilder()
                        .setDay(day("2026-09-03", CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF, "297"))
                        .build());
        String leader30 = idp.officer("leader30", "30", "unit_leader");
        Directive d = issue(leader30, "", "02/CT-UBND");
        Task task = assign(leader30, yesNoTask(d.getDirectiveId(), "2026-09-02T16:00", "11077", "11001", "297"));
        assertThat(instant(of(task, "11077").getEffectiveDeadline())).isEqualTo(local("2026-09-03T16:00"));
        assertThat(instant(of(task, "11001").getEffectiveDeadline())).isEqualTo(local("2026-09-04T16:00"));
        assertThat(instant(of(task, "297").getEffectiveDeadline())).isEqualTo(local("2026-09-04T16:00"));
        assertThat(instant(of(task, "11077").getDeadline())).isEqualTo(local("2026-09-02T16:00"));

        calendarEvent(
                "calendar.day-removed",
                CalendarDayRemoved.newBuilder()
                        .setDay(day("2026-09-02", CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF, ""))
                        .build());
        Task later = assign(leader30, yesNoTask(d.getDirectiveId(), "2026-09-02T16:00", "11077"));
        assertThat(instant(of(later, "11077").getEffectiveDeadline())).isEqualTo(local("2026-09-02T16:00"));
        assertThat(instant(of(task, "11077").getEffectiveDeadline()))
                .as("stored when assigned")
                .isEqualTo(instant(tasks(leader30)
                        .getTask(GetTaskRequest.newBuilder()
                                .setTaskId(task.getTaskId())
                                .build())
                        .getTask()
                        .getAssignments(0)
                        .getEffectiveDeadline()));
        assertThat(count("SELECT COUNT(*) FROM task_calendar_day")).isEqualTo(1);
    }

    private static CalendarDay day(String date, CalendarDayKind kind, String unit) {
        return CalendarDay.newBuilder()
                .setDate(date)
                .setKind(kind)
                .setName("Nghỉ lễ")
                .setUnitCode(unit)
                .build();
    }

    private void calendarEvent(String type, com.google.protobuf.Message payload) {
        tx.executeWrite(status -> {
            dossierFeed.apply(new FeedEvent(
                    "e-" + type + System.nanoTime(),
                    1,
                    "dossier-service",
                    "calendar",
                    "national",
                    type,
                    Instant.now(),
                    null,
                    Any.pack(payload)));
            return null;
        });
    }

    @Test
    void listsPageNewestFirstAndTheFeedIsServedToItsSubscriber() throws InvalidProtocolBufferException {
        clock.setLocal("2026-09-01T08:00");
        String leader297 = idp.officer("leader297", "297", "unit_leader");
        Directive older = issue(leader297, "", "10/KH-UBND");
        clock.setLocal("2026-09-01T08:05");
        Directive newer = issue(leader297, "", "11/KH-UBND");
        ListDirectivesResponse page1 = tasks(leader297)
                .listDirectives(
                        ListDirectivesRequest.newBuilder().setPageSize(1).build());
        assertThat(page1.getDirectivesList())
                .extracting(Directive::getDirectiveId)
                .containsExactly(newer.getDirectiveId());
        ListDirectivesResponse page2 = tasks(leader297)
                .listDirectives(ListDirectivesRequest.newBuilder()
                        .setPageSize(1)
                        .setPageToken(page1.getNextPageToken())
                        .build());
        assertThat(page2.getDirectivesList())
                .extracting(Directive::getDirectiveId)
                .containsExactly(older.getDirectiveId());
        assertThat(page2.getNextPageToken()).isEmpty();
        assertInvalid(
                failure(() -> tasks(leader297)
                        .listDirectives(ListDirectivesRequest.newBuilder()
                                .setPageToken("garbage")
                                .build())),
                "page_token");

        Task t1 = assign(leader297, yesNoTask(older.getDirectiveId(), "2026-09-04T16:00", "10999"));
        clock.setLocal("2026-09-01T08:10");
        Task t2 = assign(leader297, yesNoTask(newer.getDirectiveId(), "2026-09-04T16:00", "10999"));
        String leader10999 = idp.officer("leader10999", "10999", "unit_leader");
        complete(leader10999, t1.getTaskId());
        ListTasksResponse all =
                tasks(leader10999).listTasks(ListTasksRequest.newBuilder().build());
        assertThat(all.getTasksList()).extracting(Task::getTaskId).containsExactly(t2.getTaskId(), t1.getTaskId());
        ListTasksResponse open = tasks(leader10999)
                .listTasks(ListTasksRequest.newBuilder().setOpenOnly(true).build());
        assertThat(open.getTasksList()).extracting(Task::getTaskId).containsExactly(t2.getTaskId());
        ListTasksResponse issued = tasks(leader297)
                .listTasks(ListTasksRequest.newBuilder()
                        .setView(TaskListView.TASK_LIST_VIEW_ISSUED)
                        .setPageSize(1)
                        .build());
        assertThat(issued.getTasksList()).extracting(Task::getTaskId).containsExactly(t2.getTaskId());
        assertThat(issued.getNextPageToken()).isNotEmpty();

        // report-service serves its feed: the relay numbers the events and a subscriber reads them
        String subscriber = idp.sign(
                idp.claims("service-account-motcua-report-service", Set.of(), null, null, "motcua-report-service")
                        .build());
        Iterator<SubscribeResponse> stream = ChangeFeedGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> subscriber))
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .subscribe(SubscribeRequest.newBuilder().setAfterSeq(0).build());
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(15));
        boolean seen = false;
        long lastSeq = 0;
        while (!seen && Instant.now().isBefore(giveUp) && stream.hasNext()) {
            SubscribeResponse r = stream.next();
            if (!r.hasEvent()) {
                continue;
            }
            assertThat(r.getEvent().getSeq()).isGreaterThan(lastSeq);
            lastSeq = r.getEvent().getSeq();
            assertThat(r.getEvent().getSource()).isEqualTo("report-service");
            if (r.getEvent().getAggregateId().equals(t2.getTaskId())) {
                assertThat(r.getEvent().getEventType()).isEqualTo("task.assigned");
                assertThat(r.getEvent()
                                .getPayload()
                                .unpack(TaskChanged.class)
                                .getTask()
                                .getTaskId())
                        .isEqualTo(t2.getTaskId());
                seen = true;
            }
        }
        assertThat(seen)
                .as("task.assigned of " + t2.getTaskId() + " served by the change feed")
                .isTrue();
    }

    @Test
    void twoLeadersCompletingAtOnceDoneItOnceAndTheOtherIsRefused() throws Exception {
        clock.setLocal("2026-11-02T08:00");
        Directive d = issue(leader298, "", "140/KH-UBND");
        Task task = assign(leader298, yesNoTask(d.getDirectiveId(), "2026-11-06T16:00", "11080"));
        String a = idp.officer("leader11080a", "11080", "unit_leader");
        String b = idp.officer("leader11080b", "11080", "unit_leader");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (String token : List.of(a, b)) {
                outcomes.add(pool.submit(() -> {
                    try {
                        return complete(token, task.getTaskId()).getDoneBy();
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode().name();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (java.util.concurrent.Future<String> f : outcomes) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce("FAILED_PRECONDITION");
            assertThat(results).containsAnyOf("leader11080a", "leader11080b");
        } finally {
            pool.shutdownNow();
        }
        assertThat(outbox(task.getTaskId()))
                .extracting(Map.Entry::getKey)
                .containsExactly("task.assigned@298", "task.completed@11080");
    }
}
