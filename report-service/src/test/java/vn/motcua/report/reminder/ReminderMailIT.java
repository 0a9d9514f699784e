package vn.motcua.report.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.report.v1.ListTaskNotificationsRequest;
import vn.motcua.proto.report.v1.ListTaskNotificationsResponse;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadRequest;
import vn.motcua.proto.report.v1.NotificationAudience;
import vn.motcua.proto.report.v1.NotificationKind;
import vn.motcua.proto.report.v1.SetTaskContactsRequest;
import vn.motcua.proto.report.v1.TaskContacts;
import vn.motcua.proto.report.v1.TaskNotification;
import vn.motcua.proto.report.v1.TaskReminderSent;
import vn.motcua.proto.report.v1.TaskServiceGrpc;
import vn.motcua.report.ii06a.GrpcItBase;
import vn.motcua.report.reminder.service.ReminderSweep;

/**
 * Reminders end to end against a real SMTP server in its own process (GreenMail standalone, {@link GreenMailProcess}):
 * report-service's sweep plans the notifications, e-mails them over SMTP with Jakarta Mail, and the test reads the
 * mailboxes back over IMAP. Tasks and assignments are inserted directly (the task service is another part); the
 * reminder clock is pinned and the sweep driven directly (its leased job is off), so every instant is exact.
 * Province 30 > district 298 > communes 11077..11098; 30 > district 297 > commune 10999. Each test has units of its
 * own (their addresses and mailboxes do not meet), and a pass of the sweep serves every test's rows alike.
 */
@MicronautTest(transactional = false)
class ReminderMailIT extends GrpcItBase {

    private static final String TITLE = "Rà soát danh mục TTHC tiếp nhận không phụ thuộc địa giới hành chính";

    private final GreenMailProcess smtp = new GreenMailProcess(TestPorts.free(), TestPorts.free());

    @Inject
    SettableReminderClock clock;

    @Inject
    ReminderSweep sweep;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("motcua.test.reminder-clock", "true");
        props.put("motcua.report.tasks.reminders.sweep-enabled", "false");
        props.put("motcua.report.tasks.reminders.retry-delay", "1m");
        props.put("motcua.report.tasks.reminders.max-attempts", "3");
        props.put("motcua.report.tasks.mail.enabled", "true");
        props.put("motcua.report.tasks.mail.host", "127.0.0.1");
        props.put("motcua.report.tasks.mail.port", Integer.toString(smtp.smtpPort()));
        props.put("motcua.report.tasks.mail.starttls", "false");
        props.put("motcua.report.tasks.mail.from", "nhacviec@motcua.test");
        props.put("motcua.report.tasks.mail.timeout", "5s");
        return props;
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Đại Sơn", 3, "298")
                .unit("11083", "Xã Hưng Đạo", 3, "298")
                .unit("11086", "Xã Quang Phục", 3, "298")
                .unit("11089", "Xã Phượng Kỳ", 3, "298")
                .unit("11092", "Xã Tiên Động", 3, "298")
                .unit("11095", "Xã Nguyên Giáp", 3, "298")
                .unit("11098", "Xã Hà Kỳ", 3, "298")
                .unit("297", "Huyện Thanh Hà", 2, "30")
                .unit("10999", "Xã Thanh Xuân", 3, "297");
    }

    @BeforeAll
    void startSmtpServer() {
        smtp.start();
    }

    @AfterAll
    void stopSmtpServer() {
        smtp.close();
    }

    private TaskServiceGrpc.TaskServiceBlockingStub tasks(String token) {
        return TaskServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private TaskContacts setContacts(String token, String unit, List<String> assignees, List<String> leaders) {
        return tasks(token)
                .setTaskContacts(SetTaskContactsRequest.newBuilder()
                        .setUnitCode(unit)
                        .addAllAssigneeEmails(assignees)
                        .addAllLeaderEmails(leaders)
                        .build())
                .getContacts();
    }

    /** A task of district 298 created at {@code createdAt} (UTC, "2026-10-20 02:00:00"). */
    private void task(String taskId, String createdAt) {
        sql(
                "INSERT INTO task_directive (directive_id, issuing_unit, number, signed_on, title, signer, issued_by,"
                        + " issued_at) VALUES (?, '298', ?, '2026-10-20', 'Kế hoạch rà soát TTHC',"
                        + " 'Phó Chủ tịch Nguyễn Văn A', 'leader298', ?)",
                "D" + taskId,
                taskId + "/KH-UBND",
                createdAt);
        sql(
                "INSERT INTO task_item (task_id, directive_id, issuing_unit, kind, title, description,"
                        + " expected_output, follow_up_user, created_by, created_at)"
                        + " VALUES (?, ?, '298', 'TASK', ?, '', 'YES_NO', 'leader298', 'leader298', ?)",
                taskId,
                "D" + taskId,
                TITLE,
                createdAt);
    }

    private void assignment(String taskId, String unit, String deadline, String doneAt) {
        sql(
                "INSERT INTO task_assignment (task_id, unit_code, stage, deadline_at, effective_deadline_at, done_at,"
                        + " done_by) VALUES (?, ?, 'ASSIGNEE', ?, ?, ?, ?)",
                taskId,
                unit,
                deadline,
                deadline,
                doneAt,
                doneAt == null ? null : "leader" + unit);
    }

    private List<String> subjects(String address) {
        return smtp.inbox(address).stream().map(GreenMailProcess.Mail::subject).toList();
    }

    private List<String> notifications(String taskId, String unit) {
        return strings(
                "SELECT CONCAT(kind, ' ', audience, ' emailed_to=', COALESCE(emailed_to, -1), ' attempts=',"
                        + " email_attempts) FROM task_notification WHERE task_id = ? AND unit_code = ?"
                        + " ORDER BY created_at, kind",
                taskId,
                unit);
    }

    private List<TaskNotification> reminderEvents(String taskId) {
        List<TaskNotification> events = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT payload, unit_code FROM feed_outbox"
                        + " WHERE event_type = 'task.reminder_sent' AND aggregate_type = 'task' AND aggregate_id = ?"
                        + " ORDER BY id")) {
            ps.setString(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TaskNotification n =
                            TaskReminderSent.parseFrom(rs.getBytes(1)).getNotification();
                    assertThat(rs.getString(2)).isEqualTo(n.getUnit().getCode());
                    events.add(n);
                }
            }
        } catch (SQLException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    @Test
    void theAssigneeIsEmailedOncePerOffsetBeforeTheDeadlineAndTheLeaderOnceAfterItAndADoneUnitNever() {
        String admin = idp.officer("admin11077", "11077", "unit_admin");
        String districtLeader = idp.officer("leader298", "298", "unit_leader");
        setContacts(admin, "", List.of("vanphong@tayky.test"), List.of("chutich@tayky.test"));
        setContacts(districtLeader, "11080", List.of("vanphong@daison.test"), List.of("chutich@daison.test"));
        // 11083 has no addresses: in-app only

        // the seed's campaign deadline: 16:00 on 23/10 in Hanoi; 11080 was done the day before
        task("T1", "2026-10-20 02:00:00");
        assignment("T1", "11077", "2026-10-23 09:00:00", null);
        assignment("T1", "11080", "2026-10-23 09:00:00", "2026-10-22 03:00:00");
        assignment("T1", "11083", "2026-10-23 09:00:00", null);

        clock.set("2026-10-20T02:00:30Z");
        sweep.sweepOnce();
        sweep.sweepOnce(); // a second pass at the same instant gives nothing again
        clock.set("2026-10-21T09:00:00Z");
        sweep.sweepOnce(); // nothing due: more than a day before
        clock.set("2026-10-22T09:00:00Z"); // exactly one day before
        sweep.sweepOnce();
        clock.set("2026-10-22T15:00:00Z");
        sweep.sweepOnce();
        clock.set("2026-10-23T07:00:00Z"); // two hours before
        sweep.sweepOnce();
        sweep.sweepOnce();
        clock.set("2026-10-23T09:00:00Z"); // the deadline itself: still on time, no overdue yet
        sweep.sweepOnce();
        clock.set("2026-10-23T09:00:30Z");
        sweep.sweepOnce();
        clock.set("2026-10-24T09:00:00Z");
        sweep.sweepOnce();

        List<GreenMailProcess.Mail> office = smtp.inbox("vanphong@tayky.test");
        assertThat(office)
                .extracting(GreenMailProcess.Mail::subject)
                .containsExactly(
                        "[MotCua] Nhiệm vụ mới: " + TITLE,
                        "[MotCua] Nhắc việc: " + TITLE,
                        "[MotCua] Nhắc việc: " + TITLE);
        assertThat(office.get(1).body())
                .contains("đến hạn lúc 16:00 ngày 23/10/2026 (còn khoảng 1 ngày)")
                .contains("Đơn vị: Xã Tây Kỳ (11077)");
        assertThat(office.get(2).body()).contains("(còn khoảng 2 giờ)");
        assertThat(office).allSatisfy(m -> {
            assertThat(m.from()).isEqualTo("nhacviec@motcua.test");
            assertThat(m.to()).containsExactly("vanphong@tayky.test");
            assertThat(m.autoSubmitted()).isEqualTo("auto-generated");
        });
        List<GreenMailProcess.Mail> leader = smtp.inbox("chutich@tayky.test");
        assertThat(leader).extracting(GreenMailProcess.Mail::subject).containsExactly("[MotCua] Quá hạn: " + TITLE);
        assertThat(leader.get(0).body()).contains("đã quá hạn 16:00 ngày 23/10/2026 mà Xã Tây Kỳ chưa hoàn thành");

        // the unit that was done: nothing at all, in the inbox or by e-mail
        assertThat(smtp.inbox("vanphong@daison.test")).isEmpty();
        assertThat(smtp.inbox("chutich@daison.test")).isEmpty();
        assertThat(notifications("T1", "11080")).isEmpty();

        assertThat(notifications("T1", "11077"))
                .containsExactly(
                        "ASSIGNED ASSIGNEE emailed_to=1 attempts=1",
                        "DUE_SOON ASSIGNEE emailed_to=1 attempts=1",
                        "DUE_SOON ASSIGNEE emailed_to=1 attempts=1",
                        "OVERDUE LEADER emailed_to=1 attempts=1");
        assertThat(notifications("T1", "11083"))
                .containsExactly(
                        "ASSIGNED ASSIGNEE emailed_to=0 attempts=0",
                        "DUE_SOON ASSIGNEE emailed_to=0 attempts=0",
                        "DUE_SOON ASSIGNEE emailed_to=0 attempts=0",
                        "OVERDUE LEADER emailed_to=0 attempts=0");

        // task.reminder_sent for the reminders proper (not ASSIGNED), with how many addresses took the e-mail
        assertThat(reminderEvents("T1"))
                .extracting(n -> n.getUnit().getCode() + " " + n.getKind() + " " + n.getEmailedTo())
                .containsExactlyInAnyOrder(
                        "11077 NOTIFICATION_KIND_DUE_SOON 1",
                        "11077 NOTIFICATION_KIND_DUE_SOON 1",
                        "11077 NOTIFICATION_KIND_OVERDUE 1",
                        "11083 NOTIFICATION_KIND_DUE_SOON 0",
                        "11083 NOTIFICATION_KIND_DUE_SOON 0",
                        "11083 NOTIFICATION_KIND_OVERDUE 0");

        // a campaign report of 11077 returned for correction: its office is told once
        sql("INSERT INTO campaign_report (report_id, task_id, unit_code, version, state, consolidation, rows_json,"
                + " row_count, saved_by, saved_at, submitted_by, submitted_at, returned_by, returned_at,"
                + " return_reason) VALUES ('R1', 'T1', '11077', 1, 'RETURNED', FALSE, '[]', 0, 'cb11077',"
                + " '2026-10-24 01:00:00', 'leader11077', '2026-10-24 01:00:00', 'cv298',"
                + " '2026-10-24 02:00:00', 'Thiếu mã thủ tục ở dòng 3')");
        clock.set("2026-10-24T02:00:30Z");
        sweep.sweepOnce();
        sweep.sweepOnce();
        List<GreenMailProcess.Mail> afterReturn = smtp.inbox("vanphong@tayky.test");
        assertThat(afterReturn).hasSize(4);
        assertThat(afterReturn.get(3).subject()).isEqualTo("[MotCua] Báo cáo bị trả lại: " + TITLE);
        assertThat(afterReturn.get(3).body()).contains("phiên bản 1").contains("Thiếu mã thủ tục ở dòng 3");
    }

    @Test
    void twoSweepsRacingGiveEachNotificationAndEachEmailOnce() throws Exception {
        String admin = idp.officer("leader298b", "298", "unit_leader");
        task("T2", "2026-11-20 02:00:00");
        List<String> units = List.of("11086", "11089", "11092");
        for (String unit : units) {
            setContacts(admin, unit, List.of("race-" + unit + "@motcua.test"), List.of());
            assignment("T2", unit, "2026-11-23 09:00:00", null);
        }
        clock.set("2026-11-22T09:30:00Z"); // ASSIGNED and the one-day reminder both due
        for (int round = 0; round < 3; round++) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReminderSweep.Result>> passes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    passes.add(pool.submit(() -> {
                        start.await();
                        return sweep.sweepOnce();
                    }));
                }
                start.countDown();
                for (Future<ReminderSweep.Result> pass : passes) {
                    pass.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (String unit : units) {
            // each once; two racing sweeps may send a unit's two e-mails in either order
            assertThat(subjects("race-" + unit + "@motcua.test"))
                    .as(unit)
                    .containsExactlyInAnyOrder("[MotCua] Nhiệm vụ mới: " + TITLE, "[MotCua] Nhắc việc: " + TITLE);
            assertThat(notifications("T2", unit))
                    .containsExactlyInAnyOrder(
                            "ASSIGNED ASSIGNEE emailed_to=1 attempts=1", "DUE_SOON ASSIGNEE emailed_to=1 attempts=1");
        }
        assertThat(reminderEvents("T2")).hasSize(3);
    }

    @Test
    void anUnreachableSmtpServerIsRetriedAfterItsDelayWithTheErrorKeptUntilItIsSent() {
        String leader = idp.officer("leader11095", "11095", "unit_leader");
        setContacts(leader, "", List.of("retry@nguyengiap.test"), List.of("retry-leader@nguyengiap.test"));
        task("T3", "2026-12-20 02:00:00");
        assignment("T3", "11095", "2026-12-23 09:00:00", null);

        smtp.stop();
        try {
            clock.set("2026-12-20T02:01:00Z");
            sweep.sweepOnce();
            assertThat(notifications("T3", "11095")).containsExactly("ASSIGNED ASSIGNEE emailed_to=-1 attempts=1");
            assertThat(strings("SELECT email_error FROM task_notification WHERE task_id = 'T3'"))
                    .singleElement()
                    .asString()
                    .startsWith("attempt 1: ")
                    .containsIgnoringCase("connect");
            // before the retry delay (1m): not tried again
            clock.set("2026-12-20T02:01:30Z");
            sweep.sweepOnce();
            assertThat(notifications("T3", "11095")).containsExactly("ASSIGNED ASSIGNEE emailed_to=-1 attempts=1");
            // after it, with the server still away: the second attempt, then a doubled delay (2m)
            clock.set("2026-12-20T02:02:01Z");
            sweep.sweepOnce();
            assertThat(notifications("T3", "11095")).containsExactly("ASSIGNED ASSIGNEE emailed_to=-1 attempts=2");
            clock.set("2026-12-20T02:03:30Z");
            sweep.sweepOnce();
            assertThat(notifications("T3", "11095")).containsExactly("ASSIGNED ASSIGNEE emailed_to=-1 attempts=2");
        } finally {
            smtp.start();
        }
        clock.set("2026-12-20T02:04:05Z");
        sweep.sweepOnce();
        assertThat(notifications("T3", "11095")).containsExactly("ASSIGNED ASSIGNEE emailed_to=1 attempts=3");
        assertThat(strings("SELECT COALESCE(email_error, 'none') FROM task_notification WHERE task_id = 'T3'"))
                .containsExactly("none");
        assertThat(subjects("retry@nguyengiap.test")).containsExactly("[MotCua] Nhiệm vụ mới: " + TITLE);

        // given up after max-attempts (3): settled as in-app only, the last error kept, the reminder still announced
        smtp.stop();
        try {
            clock.set("2026-12-23T09:00:30Z");
            for (int i = 0; i < 3; i++) {
                sweep.sweepOnce();
                clock.advance(Duration.ofMinutes(10));
            }
            assertThat(notifications("T3", "11095"))
                    .containsExactly(
                            "ASSIGNED ASSIGNEE emailed_to=1 attempts=3", "OVERDUE LEADER emailed_to=0 attempts=3");
            assertThat(strings("SELECT email_error FROM task_notification WHERE task_id = 'T3' AND kind = 'OVERDUE'"))
                    .singleElement()
                    .asString()
                    .startsWith("attempt 3: ");
            assertThat(reminderEvents("T3"))
                    .extracting(n -> n.getKind() + " " + n.getEmailedTo())
                    .containsExactly("NOTIFICATION_KIND_OVERDUE 0");
        } finally {
            smtp.start();
        }
    }

    @Test
    void theInboxShowsTheUnitsNotificationsLeaderOnesOnlyToItsLeaderAndMarksThemRead() {
        task("T4", "2027-01-20 02:00:00");
        assignment("T4", "10999", "2027-01-23 09:00:00", null);
        clock.set("2027-01-24T00:00:00Z");
        sweep.sweepOnce(); // ASSIGNED and OVERDUE (no addresses: in-app only)

        String officer = idp.officer("cb10999", "10999", "specialist");
        String leader = idp.officer("leader10999", "10999", "unit_leader");
        ListTaskNotificationsResponse officers =
                tasks(officer).listTaskNotifications(ListTaskNotificationsRequest.getDefaultInstance());
        assertThat(officers.getNotificationsList())
                .extracting(TaskNotification::getKind)
                .containsExactly(NotificationKind.NOTIFICATION_KIND_ASSIGNED);
        assertThat(officers.getUnread()).isEqualTo(1);
        ListTaskNotificationsResponse leaders = tasks(leader)
                .listTaskNotifications(
                        ListTaskNotificationsRequest.newBuilder().setPageSize(1).build());
        assertThat(leaders.getUnread()).isEqualTo(2);
        assertThat(leaders.getNotificationsList()).hasSize(1);
        TaskNotification overdue = leaders.getNotifications(0);
        assertThat(overdue.getAudience()).isEqualTo(NotificationAudience.NOTIFICATION_AUDIENCE_LEADER);
        assertThat(overdue.getTaskTitle()).isEqualTo(TITLE);
        assertThat(overdue.getUnit().getName()).isEqualTo("Xã Thanh Xuân");
        assertThat(overdue.getMessage()).contains("Xã Thanh Xuân chưa hoàn thành");
        ListTaskNotificationsResponse second = tasks(leader)
                .listTaskNotifications(ListTaskNotificationsRequest.newBuilder()
                        .setPageSize(1)
                        .setPageToken(leaders.getNextPageToken())
                        .build());
        assertThat(second.getNotificationsList())
                .extracting(TaskNotification::getKind)
                .containsExactly(NotificationKind.NOTIFICATION_KIND_ASSIGNED);
        assertThat(second.getNextPageToken()).isEmpty();

        // the officer may not see (or mark) the leader's notification; another unit's officer none of them
        assertThat(failure(() -> tasks(officer)
                                .markTaskNotificationRead(MarkTaskNotificationReadRequest.newBuilder()
                                        .setNotificationId(overdue.getNotificationId())
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        String stranger = idp.officer("leader11077b", "11077", "unit_leader");
        assertThat(failure(() -> tasks(stranger)
                                .markTaskNotificationRead(MarkTaskNotificationReadRequest.newBuilder()
                                        .setNotificationId(overdue.getNotificationId())
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);

        clock.set("2027-01-24T01:00:00Z");
        TaskNotification read = tasks(leader)
                .markTaskNotificationRead(MarkTaskNotificationReadRequest.newBuilder()
                        .setNotificationId(overdue.getNotificationId())
                        .build())
                .getNotification();
        assertThat(read.getReadAt().getSeconds())
                .isEqualTo(java.time.Instant.parse("2027-01-24T01:00:00Z").getEpochSecond());
        assertThat(tasks(leader)
                        .listTaskNotifications(ListTaskNotificationsRequest.newBuilder()
                                .setUnreadOnly(true)
                                .build())
                        .getNotificationsList())
                .extracting(TaskNotification::getKind)
                .containsExactly(NotificationKind.NOTIFICATION_KIND_ASSIGNED);
        assertInvalid(
                failure(() -> tasks(leader)
                        .listTaskNotifications(ListTaskNotificationsRequest.newBuilder()
                                .setPageSize(201)
                                .setPageToken("not a token")
                                .build())),
                "page_size",
                "page_token");
        String machine = machine("province-report-puller", "30");
        assertThat(failure(() ->
                                tasks(machine).listTaskNotifications(ListTaskNotificationsRequest.getDefaultInstance()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void contactsAreSetByTheUnitsAdminOrLeaderOrAboveAndBadAddressesWriteNothing() {
        String admin = idp.officer("admin11098", "11098", "unit_admin");
        TaskContacts saved = setContacts(
                admin, "11098", List.of(" VanPhong@HaKy.test ", "vanphong@haky.test"), List.of("ct@haky.test"));
        assertThat(saved.getAssigneeEmailsList()).containsExactly("vanphong@haky.test");
        assertThat(saved.getUpdatedBy()).isEqualTo("admin11098");

        StatusRuntimeException bad = failure(() -> setContacts(
                admin,
                "11098",
                List.of("x\r\nBcc: spy@evil.test"),
                java.util.stream.IntStream.range(0, 11)
                        .mapToObj(i -> "lanhdao" + i + "@haky.test")
                        .toList()));
        assertInvalid(bad, "assignee_emails", "leader_emails");
        String viewer = idp.officer("cv11098", "11098", "specialist");
        assertThat(tasks(viewer)
                        .getTaskContacts(vn.motcua.proto.report.v1.GetTaskContactsRequest.newBuilder()
                                .setUnitCode("11098")
                                .build())
                        .getContacts()
                        .getAssigneeEmailsList())
                .containsExactly("vanphong@haky.test");

        assertThat(failure(() -> setContacts(viewer, "11098", List.of("a@b.test"), List.of()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        String otherDistrict = idp.officer("leader297", "297", "unit_leader");
        assertThat(failure(() -> setContacts(otherDistrict, "11098", List.of("a@b.test"), List.of()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(strings("SELECT assignee_emails FROM task_contact WHERE unit_code = '11098'"))
                .containsExactly("[\"vanphong@haky.test\"]");
    }

    private void sql(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> strings(String sql, Object... args) {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
