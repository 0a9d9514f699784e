package vn.motcua.report.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.report.ii06a.GrpcItBase;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.reminder.service.ReminderSweepJob;

/**
 * The sweep as it runs in service: scheduled every sweep-interval under the database lease task-reminders, on the
 * real clock, e-mailing through a real SMTP server process (GreenMail standalone).
 */
@MicronautTest(transactional = false)
class ReminderSweepJobIT extends GrpcItBase {

    private final GreenMailProcess smtp = new GreenMailProcess(TestPorts.free(), TestPorts.free());

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("motcua.report.tasks.reminders.sweep-enabled", "true");
        props.put("motcua.report.tasks.reminders.sweep-interval", "200ms");
        props.put("motcua.report.tasks.reminders.sweep-initial-delay", "0s");
        props.put("motcua.report.tasks.mail.enabled", "true");
        props.put("motcua.report.tasks.mail.host", "127.0.0.1");
        props.put("motcua.report.tasks.mail.port", Integer.toString(smtp.smtpPort()));
        props.put("motcua.report.tasks.mail.starttls", "false");
        props.put("motcua.report.tasks.mail.from", "nhacviec@motcua.test");
        return props;
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11077", "Xã Tây Kỳ", 3, "298");
    }

    @BeforeAll
    void startSmtpServer() {
        smtp.start();
    }

    @AfterAll
    void stopSmtpServer() {
        smtp.close();
    }

    @Test
    void theLeasedJobRemindsOnItsOwnWithinAFewIntervals() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sql("INSERT INTO task_contact (unit_code, assignee_emails, leader_emails, updated_by, updated_at)"
                + " VALUES ('11077', '[\"job@tayky.test\"]', '[]', 'admin11077', '2026-01-01 00:00:00')");
        sql(
                "INSERT INTO task_item (task_id, directive_id, issuing_unit, kind, title, description, expected_output,"
                        + " follow_up_user, created_by, created_at) VALUES ('J1', 'DJ1', '298', 'TASK',"
                        + " 'Báo cáo nhanh tình hình tiếp nhận', '', 'YES_NO', 'leader298', 'leader298', ?)",
                text(now.minus(Duration.ofHours(1))));
        // due in an hour: ASSIGNED, and the two-hour reminder (its threshold passed after the task was created)
        String deadline = text(now.plus(Duration.ofHours(1)));
        sql(
                "INSERT INTO task_assignment (task_id, unit_code, stage, deadline_at, effective_deadline_at)"
                        + " VALUES ('J1', '11077', 'ASSIGNEE', ?, ?)",
                deadline,
                deadline);

        ReportItSupport.awaitTrue(
                "two e-mails in job@tayky.test",
                Duration.ofSeconds(30),
                () -> smtp.inbox("job@tayky.test").size() >= 2);
        assertThat(smtp.inbox("job@tayky.test"))
                .extracting(GreenMailProcess.Mail::subject)
                .containsExactly(
                        "[MotCua] Nhiệm vụ mới: Báo cáo nhanh tình hình tiếp nhận",
                        "[MotCua] Nhắc việc: Báo cáo nhanh tình hình tiếp nhận");
        assertThat(ReportItSupport.queryLong(
                        db,
                        "SELECT COUNT(*) FROM platform_lease WHERE name = ? AND expires_at > UTC_TIMESTAMP(6)",
                        ReminderSweepJob.LEASE))
                .isEqualTo(1);
        assertThat(ReportItSupport.queryLong(
                        db, "SELECT COUNT(*) FROM feed_outbox WHERE event_type = 'task.reminder_sent'"))
                .isEqualTo(1);
    }

    private static String text(Instant at) {
        return at.toString().replace('T', ' ').replace("Z", "");
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
}
