package vn.motcua.report.task.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.task.domain.Assignment;
import vn.motcua.report.task.domain.AssignmentStage;
import vn.motcua.report.task.domain.Directive;
import vn.motcua.report.task.domain.ExpectedOutput;
import vn.motcua.report.task.domain.Progress;
import vn.motcua.report.task.domain.TaskItem;
import vn.motcua.report.task.domain.TaskKind;
import vn.motcua.report.task.domain.TemplateJson;

/**
 * task_directive, task_item, task_assignment and task_progress (V6, V7). Statements H2 (MODE=MySQL) and MariaDB both
 * run. Lists page by (instant, id) descending.
 */
@Singleton
public class TaskRepository {

    private static final String DIRECTIVE_COLUMNS =
            "directive_id, issuing_unit, number, signed_on, title, signer, document_id, issued_by, issued_at";
    private static final String TASK_COLUMNS = "t.task_id, t.directive_id, t.issuing_unit, t.kind, t.title,"
            + " t.description, t.expected_output, t.template_json, t.follow_up_user, t.created_by, t.created_at";
    /** An assignment with its unit's latest campaign report version and state (none for a TASK). */
    private static final String ASSIGNMENT_SELECT = "SELECT a.task_id, a.unit_code, a.stage, a.deadline_at,"
            + " a.effective_deadline_at, a.done_at, a.done_by, a.answer, a.document_id, a.note, a.progress_percent,"
            + " a.last_activity_at, r.version AS report_version, r.state AS report_state FROM task_assignment a"
            + " LEFT JOIN campaign_report r ON r.task_id = a.task_id AND r.unit_code = a.unit_code"
            + " AND r.version = (SELECT MAX(x.version) FROM campaign_report x WHERE x.task_id = a.task_id"
            + " AND x.unit_code = a.unit_code)";

    private final JdbcOperations jdbc;

    public TaskRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a unique violation (SQLIntegrityConstraintViolationException) for a number already used. */
    @Transactional
    public void insert(Directive d) {
        jdbc.prepareStatement(
                "INSERT INTO task_directive (" + DIRECTIVE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, d.id());
                    ps.setString(2, d.issuingUnit());
                    ps.setString(3, d.number());
                    ps.setObject(4, d.signedOn());
                    ps.setString(5, d.title());
                    ps.setString(6, d.signer());
                    ps.setString(7, d.documentId());
                    ps.setString(8, d.issuedBy());
                    UtcTimestamps.bind(ps, 9, d.issuedAt());
                    return ps.executeUpdate();
                });
    }

    @Transactional
    public Optional<Directive> directive(String id) {
        return jdbc.prepareStatement(
                "SELECT " + DIRECTIVE_COLUMNS + " FROM task_directive WHERE directive_id = ?", ps -> {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(directive(rs)) : Optional.empty();
                    }
                });
    }

    @Transactional
    public boolean directiveNumberTaken(String unit, String number, LocalDate signedOn) {
        return jdbc.prepareStatement(
                "SELECT 1 FROM task_directive WHERE issuing_unit = ? AND number = ? AND signed_on = ?", ps -> {
                    ps.setString(1, unit);
                    ps.setString(2, number);
                    ps.setObject(3, signedOn);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /** Directives the unit issued, newest first, after the keyset position (null: from the start). */
    @Transactional
    public List<Directive> directivesOf(String unit, Instant afterAt, String afterId, int limit) {
        String sql = "SELECT " + DIRECTIVE_COLUMNS + " FROM task_directive WHERE issuing_unit = ?"
                + (afterAt == null ? "" : " AND (issued_at < ? OR (issued_at = ? AND directive_id < ?))")
                + " ORDER BY issued_at DESC, directive_id DESC LIMIT " + limit;
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, unit);
            if (afterAt != null) {
                UtcTimestamps.bind(ps, 2, afterAt);
                UtcTimestamps.bind(ps, 3, afterAt);
                ps.setString(4, afterId);
            }
            List<Directive> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(directive(rs));
                }
            }
            return found;
        });
    }

    @Transactional
    public void insert(TaskItem t, List<Assignment> assignments) {
        jdbc.prepareStatement(
                "INSERT INTO task_item (task_id, directive_id, issuing_unit, kind, title, description,"
                        + " expected_output, template_json, follow_up_user, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, t.id());
                    ps.setString(2, t.directiveId());
                    ps.setString(3, t.issuingUnit());
                    ps.setString(4, t.kind().name());
                    ps.setString(5, t.title());
                    ps.setString(6, t.description());
                    ps.setString(7, t.expectedOutput().name());
                    ps.setString(8, t.template() == null ? null : TemplateJson.write(t.template()));
                    ps.setString(9, t.followUpUser());
                    ps.setString(10, t.createdBy());
                    UtcTimestamps.bind(ps, 11, t.createdAt());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement(
                "INSERT INTO task_assignment (task_id, unit_code, stage, deadline_at, effective_deadline_at,"
                        + " progress_percent, ordinal) VALUES (?, ?, ?, ?, ?, 0, ?)",
                ps -> {
                    int ordinal = 0;
                    for (Assignment a : assignments) {
                        ps.setString(1, a.taskId());
                        ps.setString(2, a.unitCode());
                        ps.setString(3, a.stage().name());
                        UtcTimestamps.bind(ps, 4, a.deadline());
                        UtcTimestamps.bind(ps, 5, a.effectiveDeadline());
                        ps.setInt(6, ordinal++);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    @Transactional
    public Optional<TaskItem> task(String id) {
        List<TaskItem> found = tasks("SELECT " + TASK_COLUMNS + " FROM task_item t WHERE t.task_id = ?", List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A directive's tasks, oldest first. */
    @Transactional
    public List<TaskItem> tasksOf(String directiveId) {
        return tasks(
                "SELECT " + TASK_COLUMNS + " FROM task_item t WHERE t.directive_id = ?"
                        + " ORDER BY t.created_at, t.task_id",
                List.of(directiveId));
    }

    /** Tasks the unit issued, newest first. */
    @Transactional
    public List<TaskItem> issuedBy(String unit, Instant afterAt, String afterId, int limit) {
        List<Object> args = new ArrayList<>(List.of(unit));
        String sql = "SELECT " + TASK_COLUMNS + " FROM task_item t WHERE t.issuing_unit = ?"
                + keyset(afterAt, afterId, args) + " ORDER BY t.created_at DESC, t.task_id DESC LIMIT " + limit;
        return tasks(sql, args);
    }

    /** Tasks with an assignment of the unit (open ones only when asked), newest first. */
    @Transactional
    public List<TaskItem> assignedTo(String unit, boolean openOnly, Instant afterAt, String afterId, int limit) {
        List<Object> args = new ArrayList<>(List.of(unit));
        String sql = "SELECT " + TASK_COLUMNS + " FROM task_item t JOIN task_assignment a ON a.task_id = t.task_id"
                + " WHERE a.unit_code = ?" + (openOnly ? " AND a.done_at IS NULL" : "") + keyset(afterAt, afterId, args)
                + " ORDER BY t.created_at DESC, t.task_id DESC LIMIT " + limit;
        return tasks(sql, args);
    }

    private static String keyset(Instant afterAt, String afterId, List<Object> args) {
        if (afterAt == null) {
            return "";
        }
        args.add(afterAt);
        args.add(afterAt);
        args.add(afterId);
        return " AND (t.created_at < ? OR (t.created_at = ? AND t.task_id < ?))";
    }

    private List<TaskItem> tasks(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bindAll(ps, args);
            List<TaskItem> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String template = rs.getString("template_json");
                    found.add(new TaskItem(
                            rs.getString("task_id"),
                            rs.getString("directive_id"),
                            rs.getString("issuing_unit"),
                            TaskKind.valueOf(rs.getString("kind")),
                            rs.getString("title"),
                            rs.getString("description"),
                            ExpectedOutput.valueOf(rs.getString("expected_output")),
                            template == null ? null : TemplateJson.read(template),
                            rs.getString("follow_up_user"),
                            rs.getString("created_by"),
                            UtcTimestamps.read(rs, "created_at")));
                }
            }
            return found;
        });
    }

    /** The tasks' assignments, each task's in the issuer's order (assignees, then the UPWARD one). */
    @Transactional
    public Map<String, List<Assignment>> assignmentsOf(Collection<String> taskIds) {
        Map<String, List<Assignment>> byTask = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return byTask;
        }
        String sql = ASSIGNMENT_SELECT + " WHERE a.task_id IN (" + placeholders(taskIds.size())
                + ") ORDER BY a.task_id, a.ordinal, a.unit_code";
        jdbc.prepareStatement(sql, ps -> {
            bindAll(ps, new ArrayList<>(taskIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Assignment a = assignment(rs);
                    byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
                }
            }
            return null;
        });
        return byTask;
    }

    public List<Assignment> assignmentsOf(String taskId) {
        return assignmentsOf(List.of(taskId)).getOrDefault(taskId, List.of());
    }

    /** The assignment, its row locked until the transaction ends (progress and completion serialize on it). */
    @Transactional
    public Optional<Assignment> lockAssignment(String taskId, String unit) {
        // lock first, then read with the report join (MariaDB refuses FOR UPDATE with that subquery's aggregate)
        boolean exists = jdbc.prepareStatement(
                "SELECT unit_code FROM task_assignment WHERE task_id = ? AND unit_code = ? FOR UPDATE", ps -> {
                    ps.setString(1, taskId);
                    ps.setString(2, unit);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
        return exists ? assignment(taskId, unit) : Optional.empty();
    }

    @Transactional
    public Optional<Assignment> assignment(String taskId, String unit) {
        return jdbc.prepareStatement(ASSIGNMENT_SELECT + " WHERE a.task_id = ? AND a.unit_code = ?", ps -> {
            ps.setString(1, taskId);
            ps.setString(2, unit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(assignment(rs)) : Optional.empty();
            }
        });
    }

    @Transactional
    public void recordProgress(Progress p) {
        jdbc.prepareStatement(
                "INSERT INTO task_progress (progress_id, task_id, unit_code, text, percent, document_ids,"
                        + " reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, p.id());
                    ps.setString(2, p.taskId());
                    ps.setString(3, p.unitCode());
                    ps.setString(4, p.text());
                    ps.setInt(5, p.percent());
                    ps.setString(6, TemplateJson.writeStrings(p.documentIds()));
                    ps.setString(7, p.reportedBy());
                    UtcTimestamps.bind(ps, 8, p.reportedAt());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement(
                "UPDATE task_assignment SET progress_percent = ?, last_activity_at = ? WHERE task_id = ?"
                        + " AND unit_code = ?",
                ps -> {
                    ps.setInt(1, p.percent());
                    UtcTimestamps.bind(ps, 2, p.reportedAt());
                    ps.setString(3, p.taskId());
                    ps.setString(4, p.unitCode());
                    return ps.executeUpdate();
                });
    }

    /** Sets done_at once: a row already done is left as it is. @return whether this call completed it */
    @Transactional
    public boolean complete(
            String taskId, String unit, Instant at, String by, Boolean answer, String documentId, String note) {
        return jdbc.prepareStatement(
                        "UPDATE task_assignment SET done_at = ?, done_by = ?, answer = ?, document_id = ?, note = ?,"
                                + " progress_percent = 100, last_activity_at = ? WHERE task_id = ? AND unit_code = ?"
                                + " AND done_at IS NULL",
                        ps -> {
                            UtcTimestamps.bind(ps, 1, at);
                            ps.setString(2, by);
                            if (answer == null) {
                                ps.setNull(3, java.sql.Types.BOOLEAN);
                            } else {
                                ps.setBoolean(3, answer);
                            }
                            ps.setString(4, documentId);
                            ps.setString(5, note);
                            UtcTimestamps.bind(ps, 6, at);
                            ps.setString(7, taskId);
                            ps.setString(8, unit);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    @Transactional
    public Optional<Progress> progress(String progressId) {
        List<Progress> found = progress("SELECT * FROM task_progress WHERE progress_id = ?", List.of(progressId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A task's progress reports, oldest first. */
    @Transactional
    public List<Progress> progressOf(String taskId) {
        return progress(
                "SELECT * FROM task_progress WHERE task_id = ? ORDER BY reported_at, progress_id", List.of(taskId));
    }

    private List<Progress> progress(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bindAll(ps, args);
            List<Progress> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Progress(
                            rs.getString("progress_id"),
                            rs.getString("task_id"),
                            rs.getString("unit_code"),
                            rs.getString("text"),
                            rs.getInt("percent"),
                            TemplateJson.readStrings(rs.getString("document_ids")),
                            rs.getString("reported_by"),
                            UtcTimestamps.read(rs, "reported_at")));
                }
            }
            return found;
        });
    }

    /** Assignments of units in the subtree of {@code root} whose effective deadline is in [from, to). */
    @Transactional
    public List<Assignment> dueInSubtree(String root, Instant from, Instant toExclusive) {
        return jdbc.prepareStatement(
                ASSIGNMENT_SELECT + " WHERE a.unit_code IN (SELECT u.unit_code FROM unit_ancestor u"
                        + " WHERE u.ancestor_code = ?) AND a.effective_deadline_at >= ?"
                        + " AND a.effective_deadline_at < ? ORDER BY a.unit_code, a.effective_deadline_at",
                ps -> {
                    ps.setString(1, root);
                    UtcTimestamps.bind(ps, 2, from);
                    UtcTimestamps.bind(ps, 3, toExclusive);
                    List<Assignment> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(assignment(rs));
                        }
                    }
                    return found;
                });
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        boolean answer = rs.getBoolean("answer");
        Boolean answerOrNull = rs.wasNull() ? null : answer;
        int version = rs.getInt("report_version");
        return new Assignment(
                rs.getString("task_id"),
                rs.getString("unit_code"),
                AssignmentStage.valueOf(rs.getString("stage")),
                UtcTimestamps.read(rs, "deadline_at"),
                UtcTimestamps.read(rs, "effective_deadline_at"),
                UtcTimestamps.read(rs, "done_at"),
                rs.getString("done_by"),
                answerOrNull,
                rs.getString("document_id"),
                rs.getString("note"),
                rs.getInt("progress_percent"),
                UtcTimestamps.read(rs, "last_activity_at"),
                version,
                rs.getString("report_state"));
    }

    private static Directive directive(ResultSet rs) throws SQLException {
        return new Directive(
                rs.getString("directive_id"),
                rs.getString("issuing_unit"),
                rs.getString("number"),
                rs.getObject("signed_on", LocalDate.class),
                rs.getString("title"),
                rs.getString("signer"),
                rs.getString("document_id"),
                rs.getString("issued_by"),
                UtcTimestamps.read(rs, "issued_at"));
    }

    private static void bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Instant instant) {
                UtcTimestamps.bind(ps, i + 1, instant);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
