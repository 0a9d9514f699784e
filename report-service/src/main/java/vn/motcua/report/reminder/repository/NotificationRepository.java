package vn.motcua.report.reminder.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.reminder.domain.Audience;
import vn.motcua.report.reminder.domain.ContactRecord;
import vn.motcua.report.reminder.domain.NotificationKind;
import vn.motcua.report.reminder.domain.OpenAssignment;
import vn.motcua.report.reminder.domain.PlannedNotification;
import vn.motcua.report.reminder.domain.ReturnedReport;
import vn.motcua.report.reminder.domain.StoredNotification;

/**
 * task_notification (the in-app inbox and the e-mail outbox of reminders; this is its only writer) and task_contact,
 * plus the reads of task_assignment, task_item and campaign_report the sweep plans from. Only statements H2
 * (MODE=MySQL) and MariaDB both run. Methods run in the caller's transaction when there is one.
 */
@Singleton
public class NotificationRepository {

    private static final String NOTIFICATION_COLUMNS = "n.notification_id, n.task_id, n.unit_code, n.audience,"
            + " n.kind, n.message, n.created_at, n.read_at, n.emailed_to, n.email_attempts, n.email_error,"
            + " t.title, COALESCE(u.name, n.unit_code) AS unit_name";
    private static final String NOTIFICATION_FROM = " FROM task_notification n"
            + " JOIN task_item t ON t.task_id = n.task_id"
            + " LEFT JOIN unit_dim u ON u.code = n.unit_code";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    public NotificationRepository(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Assignments not done that may need a notification now: no ASSIGNED one yet, or the effective deadline before
     * {@code horizon} (now + the largest reminder offset) and no OVERDUE one yet. Nearest deadline first.
     */
    public List<OpenAssignment> candidates(Instant horizon, int limit) {
        return tx.executeRead(status -> query(
                "SELECT a.task_id, a.unit_code, a.effective_deadline_at, t.title, t.created_at,"
                        + " COALESCE(u.name, a.unit_code) AS unit_name"
                        + " FROM task_assignment a JOIN task_item t ON t.task_id = a.task_id"
                        + " LEFT JOIN unit_dim u ON u.code = a.unit_code"
                        + " WHERE a.done_at IS NULL AND (NOT EXISTS (SELECT 1 FROM task_notification n"
                        + " WHERE n.dedup_key = CONCAT('ASSIGNED/', a.task_id, '/', a.unit_code))"
                        + " OR (a.effective_deadline_at <= ? AND NOT EXISTS (SELECT 1 FROM task_notification n"
                        + " WHERE n.dedup_key = CONCAT('OVERDUE/', a.task_id, '/', a.unit_code))))"
                        + " ORDER BY a.effective_deadline_at, a.task_id, a.unit_code LIMIT ?",
                ps -> {
                    UtcTimestamps.bind(ps, 1, horizon);
                    ps.setInt(2, limit);
                },
                rs -> new OpenAssignment(
                        rs.getString("task_id"),
                        rs.getString("title"),
                        rs.getString("unit_code"),
                        rs.getString("unit_name"),
                        UtcTimestamps.read(rs, "created_at"),
                        UtcTimestamps.read(rs, "effective_deadline_at"),
                        false)));
    }

    /** Campaign report versions returned for correction whose unit has not been told yet. */
    public List<ReturnedReport> returnedUntold(int limit) {
        return tx.executeRead(status -> query(
                "SELECT r.report_id, r.task_id, r.unit_code, r.version, r.return_reason, t.title"
                        + " FROM campaign_report r JOIN task_item t ON t.task_id = r.task_id"
                        + " WHERE r.returned_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM task_notification n"
                        + " WHERE n.dedup_key = CONCAT('RETURNED/', r.report_id))"
                        + " ORDER BY r.returned_at, r.report_id LIMIT ?",
                ps -> ps.setInt(1, limit),
                rs -> new ReturnedReport(
                        rs.getString("report_id"),
                        rs.getString("task_id"),
                        rs.getString("title"),
                        rs.getString("unit_code"),
                        rs.getInt("version"),
                        rs.getString("return_reason") == null ? "" : rs.getString("return_reason"))));
    }

    /** Every dedup key already given for these tasks. */
    public Set<String> existingKeys(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(new HashSet<>(taskIds));
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return tx.executeRead(status -> new HashSet<>(query(
                "SELECT dedup_key FROM task_notification WHERE task_id IN (" + marks + ")",
                ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 1, ids.get(i));
                    }
                },
                rs -> rs.getString(1))));
    }

    /**
     * Inserts a planned notification, in its own transaction.
     *
     * @param emailedTo null: the e-mail is still to be sent; 0: in-app only
     * @return false when the dedup key was taken meanwhile (another sweep gave it first): nothing written
     */
    public boolean insert(String id, PlannedNotification n, Instant createdAt, Integer emailedTo) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = jdbc.getConnection()
                    .prepareStatement("INSERT INTO task_notification (notification_id, task_id, unit_code, audience,"
                            + " kind, message, dedup_key, created_at, emailed_to, email_attempts)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                ps.setString(1, id);
                ps.setString(2, n.taskId());
                ps.setString(3, n.unitCode());
                ps.setString(4, n.audience().name());
                ps.setString(5, n.kind().name());
                ps.setString(6, n.message());
                ps.setString(7, n.dedupKey());
                UtcTimestamps.bind(ps, 8, createdAt);
                ps.setObject(9, emailedTo);
                ps.executeUpdate();
                return true;
            } catch (SQLIntegrityConstraintViolationException taken) {
                status.setRollbackOnly();
                return false;
            } catch (SQLException e) {
                throw new IllegalStateException("could not insert a task notification", e);
            }
        });
    }

    /** Notifications whose e-mail is not settled and may be attempted at {@code now}, oldest first. */
    public List<StoredNotification> unsent(Instant now, int limit) {
        return tx.executeRead(status -> query(
                "SELECT " + NOTIFICATION_COLUMNS + NOTIFICATION_FROM
                        + " WHERE n.emailed_to IS NULL AND (n.email_next_attempt_at IS NULL"
                        + " OR n.email_next_attempt_at <= ?) ORDER BY n.created_at, n.notification_id LIMIT ?",
                ps -> {
                    UtcTimestamps.bind(ps, 1, now);
                    ps.setInt(2, limit);
                },
                NotificationRepository::notification));
    }

    /**
     * Claims the e-mail of a notification for one attempt: counts the attempt and holds it until {@code until}, so a
     * sweep racing this one skips it. Only one claimer wins: the UPDATE re-checks the row under its lock.
     *
     * @return false when another sweep claimed or settled it since {@code attemptsSeen} was read
     */
    public boolean claim(String id, int attemptsSeen, Instant now, Instant until) {
        return tx.executeWrite(status -> update(
                        "UPDATE task_notification SET email_attempts = email_attempts + 1, email_next_attempt_at = ?"
                                + " WHERE notification_id = ? AND emailed_to IS NULL AND email_attempts = ?"
                                + " AND (email_next_attempt_at IS NULL OR email_next_attempt_at <= ?)",
                        ps -> {
                            UtcTimestamps.bind(ps, 1, until);
                            ps.setString(2, id);
                            ps.setInt(3, attemptsSeen);
                            UtcTimestamps.bind(ps, 4, now);
                        })
                == 1);
    }

    /** Settles the e-mail (sent to n, or 0: nothing to send to or given up); in the caller's transaction. */
    public boolean settle(String id, int emailedTo, String error) {
        return update(
                        "UPDATE task_notification SET emailed_to = ?, email_error = ?, email_next_attempt_at = NULL"
                                + " WHERE notification_id = ? AND emailed_to IS NULL",
                        ps -> {
                            ps.setInt(1, emailedTo);
                            ps.setString(2, error);
                            ps.setString(3, id);
                        })
                == 1;
    }

    /** Keeps the failure and when the next attempt may be made. */
    public void failed(String id, String error, Instant nextAttempt) {
        tx.executeWrite(status -> update(
                "UPDATE task_notification SET email_error = ?, email_next_attempt_at = ?"
                        + " WHERE notification_id = ? AND emailed_to IS NULL",
                ps -> {
                    ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                    UtcTimestamps.bind(ps, 2, nextAttempt);
                    ps.setString(3, id);
                }));
    }

    public Optional<StoredNotification> find(String id) {
        return tx.executeRead(status -> query(
                        "SELECT " + NOTIFICATION_COLUMNS + NOTIFICATION_FROM + " WHERE n.notification_id = ?",
                        ps -> ps.setString(1, id),
                        NotificationRepository::notification)
                .stream()
                .findFirst());
    }

    /**
     * A page of a unit's inbox, newest first, after the keyset position ({@code afterCreated}, {@code afterId}) when
     * given; {@code limit} rows at most.
     */
    public List<StoredNotification> inbox(
            String unitCode,
            Collection<Audience> audiences,
            boolean unreadOnly,
            Instant afterCreated,
            String afterId,
            int limit) {
        List<String> names = audiences.stream().map(Enum::name).toList();
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        StringBuilder sql = new StringBuilder("SELECT " + NOTIFICATION_COLUMNS + NOTIFICATION_FROM
                + " WHERE n.unit_code = ? AND n.audience IN (" + marks + ")");
        if (unreadOnly) {
            sql.append(" AND n.read_at IS NULL");
        }
        if (afterCreated != null) {
            sql.append(" AND (n.created_at < ? OR (n.created_at = ? AND n.notification_id < ?))");
        }
        sql.append(" ORDER BY n.created_at DESC, n.notification_id DESC LIMIT ?");
        return tx.executeRead(status -> query(
                sql.toString(),
                ps -> {
                    int i = 1;
                    ps.setString(i++, unitCode);
                    for (String name : names) {
                        ps.setString(i++, name);
                    }
                    if (afterCreated != null) {
                        UtcTimestamps.bind(ps, i++, afterCreated);
                        UtcTimestamps.bind(ps, i++, afterCreated);
                        ps.setString(i++, afterId);
                    }
                    ps.setInt(i, limit);
                },
                NotificationRepository::notification));
    }

    public int unread(String unitCode, Collection<Audience> audiences) {
        List<String> names = audiences.stream().map(Enum::name).toList();
        String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
        return tx.executeRead(status -> query(
                        "SELECT COUNT(*) FROM task_notification WHERE unit_code = ? AND audience IN (" + marks
                                + ") AND read_at IS NULL",
                        ps -> {
                            int i = 1;
                            ps.setString(i++, unitCode);
                            for (String name : names) {
                                ps.setString(i++, name);
                            }
                        },
                        rs -> rs.getInt(1))
                .get(0));
    }

    /** Marks read once: a second call keeps the first read_at. */
    public void markRead(String id, Instant at) {
        tx.executeWrite(status ->
                update("UPDATE task_notification SET read_at = ? WHERE notification_id = ? AND read_at IS NULL", ps -> {
                    UtcTimestamps.bind(ps, 1, at);
                    ps.setString(2, id);
                }));
    }

    public Optional<ContactRecord> contact(String unitCode) {
        return tx.executeRead(status -> query(
                        "SELECT unit_code, assignee_emails, leader_emails, updated_by, updated_at FROM task_contact"
                                + " WHERE unit_code = ?",
                        ps -> ps.setString(1, unitCode),
                        rs -> new ContactRecord(
                                rs.getString("unit_code"),
                                EmailLists.read(rs.getString("assignee_emails")),
                                EmailLists.read(rs.getString("leader_emails")),
                                rs.getString("updated_by"),
                                UtcTimestamps.read(rs, "updated_at")))
                .stream()
                .findFirst());
    }

    /** Replaces a unit's addresses (UPDATE, else INSERT; a racing INSERT of the same unit is retried as UPDATE). */
    public void saveContact(ContactRecord c) {
        String assignees = EmailLists.write(c.assigneeEmails());
        String leaders = EmailLists.write(c.leaderEmails());
        for (int attempt = 0; ; attempt++) {
            try {
                tx.executeWrite(status -> {
                    int updated = update(
                            "UPDATE task_contact SET assignee_emails = ?, leader_emails = ?, updated_by = ?,"
                                    + " updated_at = ? WHERE unit_code = ?",
                            ps -> {
                                ps.setString(1, assignees);
                                ps.setString(2, leaders);
                                ps.setString(3, c.updatedBy());
                                UtcTimestamps.bind(ps, 4, c.updatedAt());
                                ps.setString(5, c.unitCode());
                            });
                    if (updated == 0) {
                        update(
                                "INSERT INTO task_contact (unit_code, assignee_emails, leader_emails, updated_by,"
                                        + " updated_at) VALUES (?, ?, ?, ?, ?)",
                                ps -> {
                                    ps.setString(1, c.unitCode());
                                    ps.setString(2, assignees);
                                    ps.setString(3, leaders);
                                    ps.setString(4, c.updatedBy());
                                    UtcTimestamps.bind(ps, 5, c.updatedAt());
                                });
                    }
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (attempt > 0 || !duplicate(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static StoredNotification notification(ResultSet rs) throws SQLException {
        Object emailed = rs.getObject("emailed_to");
        return new StoredNotification(
                rs.getString("notification_id"),
                rs.getString("task_id"),
                rs.getString("title"),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                Audience.valueOf(rs.getString("audience")),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("message"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "read_at"),
                emailed == null ? null : ((Number) emailed).intValue(),
                rs.getInt("email_attempts"),
                rs.getString("email_error"));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("task notifications: " + sql, e);
        }
    }

    private int update(String sql, Binder binder) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("task notifications: " + sql, e);
        }
    }
}
