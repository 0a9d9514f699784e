package vn.motcua.report.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.report.reminder.service.ReminderSweep;

/**
 * The embedded default (H2 in MySQL mode, e-mail off as in application.yml): the sweep's SQL, the dedup key taking
 * the second insert, and notifications settled as in-app only with task.reminder_sent for the reminders proper.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderOnH2Test implements TestPropertyProvider {

    @Inject
    ReminderSweep sweep;

    @Inject
    SettableReminderClock clock;

    // the same in-memory database the service uses, reached past its contextual DataSource
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url",
                url,
                "grpc.server.port",
                Integer.toString(TestPorts.free()),
                "motcua.report.consume-dossier-feed",
                "false",
                "motcua.report.feeds.payment.enabled",
                "false",
                "motcua.report.feeds.digitization.enabled",
                "false",
                "motcua.test.reminder-clock",
                "true");
    }

    @Test
    void withEmailOffEachNotificationIsInAppOnlyAndGivenOnce() {
        sql("INSERT INTO task_contact (unit_code, assignee_emails, leader_emails, updated_by, updated_at)"
                + " VALUES ('11077', '[\"vp@tayky.test\"]', '[\"ct@tayky.test\"]', 'a', '2026-01-01 00:00:00')");
        sql("INSERT INTO task_item (task_id, directive_id, issuing_unit, kind, title, description, expected_output,"
                + " follow_up_user, created_by, created_at) VALUES ('H1', 'DH1', '298', 'TASK', 'Nhiệm vụ H2', '',"
                + " 'YES_NO', 'l', 'l', '2026-10-20 02:00:00')");
        sql("INSERT INTO task_assignment (task_id, unit_code, stage, deadline_at, effective_deadline_at)"
                + " VALUES ('H1', '11077', 'ASSIGNEE', '2026-10-23 09:00:00', '2026-10-23 09:00:00')");

        clock.set("2026-10-23T08:00:00Z");
        ReminderSweep.Result first = sweep.sweepOnce();
        assertThat(first.created()).isEqualTo(2);
        assertThat(first.inAppOnly()).isEqualTo(2);
        assertThat(first.emailed()).isZero();
        assertThat(sweep.sweepOnce().created()).isZero();
        clock.set("2026-10-23T09:30:00Z");
        assertThat(sweep.sweepOnce().created()).isEqualTo(1);
        assertThat(sweep.sweepOnce().created()).isZero();

        assertThat(strings("SELECT CONCAT(kind, ' ', audience, ' ', emailed_to, ' ', email_attempts)"
                        + " FROM task_notification ORDER BY created_at"))
                .containsExactly("ASSIGNED ASSIGNEE 0 0", "DUE_SOON ASSIGNEE 0 0", "OVERDUE LEADER 0 0");
        assertThat(strings("SELECT event_type FROM feed_outbox ORDER BY id"))
                .containsExactly("task.reminder_sent", "task.reminder_sent");
    }

    private void sql(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> strings(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
