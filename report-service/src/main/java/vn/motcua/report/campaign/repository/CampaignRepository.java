package vn.motcua.report.campaign.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.campaign.domain.AssignmentStage;
import vn.motcua.report.campaign.domain.CampaignAssignment;
import vn.motcua.report.campaign.domain.CampaignReport;
import vn.motcua.report.campaign.domain.CampaignRow;
import vn.motcua.report.campaign.domain.CampaignTask;
import vn.motcua.report.campaign.domain.ReportState;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.TemplateJson;

/**
 * campaign_report (V6), and what campaign reports read and stamp of task_item and task_assignment. Every method
 * runs in the caller's transaction (the service's). Frozen versions only ever change their state columns, and only
 * from the state the statement names, so a change that lost a race touches no row and the service can tell.
 */
@Singleton
public class CampaignRepository {

    private static final String COLUMNS = "report_id, task_id, unit_code, version, state, consolidation, row_count,"
            + " saved_by, saved_at, submitted_by, submitted_at, late, returned_by, returned_at, return_reason,"
            + " accepted_by, accepted_at, source_report_ids";

    private final JdbcOperations jdbc;

    public CampaignRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CampaignTask> task(String taskId) {
        return jdbc.prepareStatement(
                "SELECT task_id, issuing_unit, kind, title, template_json FROM task_item WHERE task_id = ?", ps -> {
                    ps.setString(1, taskId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new CampaignTask(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                templateOrNull(rs.getString(5))));
                    }
                });
    }

    /**
     * The task's assignments, ASSIGNEE ones first, each stage in the order AssignTask named the units
     * (task_assignment.ordinal, V7): the order a consolidation lists them in.
     */
    public List<CampaignAssignment> assignments(String taskId) {
        return jdbc.prepareStatement(
                "SELECT task_id, unit_code, stage, effective_deadline_at, done_at FROM task_assignment"
                        + " WHERE task_id = ? ORDER BY CASE WHEN stage = 'ASSIGNEE' THEN 0 ELSE 1 END, ordinal, unit_code",
                ps -> {
                    ps.setString(1, taskId);
                    return readAssignments(ps);
                });
    }

    /**
     * The unit's assignment, its row locked until the transaction ends: every change of a unit's line takes this
     * lock first, so two saves or two submits of the same line run one after the other.
     */
    public Optional<CampaignAssignment> lockAssignment(String taskId, String unitCode) {
        return jdbc.prepareStatement(
                "SELECT task_id, unit_code, stage, effective_deadline_at, done_at FROM task_assignment"
                        + " WHERE task_id = ? AND unit_code = ? FOR UPDATE",
                ps -> {
                    ps.setString(1, taskId);
                    ps.setString(2, unitCode);
                    return readAssignments(ps).stream().findFirst();
                });
    }

    /** Sets done_at and done_by once: the first submission's; a later one leaves them. */
    public void markDone(String taskId, String unitCode, Instant at, String by) {
        jdbc.prepareStatement(
                "UPDATE task_assignment SET done_at = ?, done_by = ? WHERE task_id = ? AND unit_code = ?"
                        + " AND done_at IS NULL",
                ps -> {
                    UtcTimestamps.bind(ps, 1, at);
                    ps.setString(2, by);
                    ps.setString(3, taskId);
                    ps.setString(4, unitCode);
                    return ps.executeUpdate();
                });
    }

    public void touch(String taskId, String unitCode, Instant at) {
        jdbc.prepareStatement(
                "UPDATE task_assignment SET last_activity_at = ? WHERE task_id = ? AND unit_code = ?", ps -> {
                    UtcTimestamps.bind(ps, 1, at);
                    ps.setString(2, taskId);
                    ps.setString(3, unitCode);
                    return ps.executeUpdate();
                });
    }

    public Optional<CampaignReport> latest(String taskId, String unitCode, boolean withRows) {
        return jdbc.prepareStatement(
                select(withRows) + " WHERE task_id = ? AND unit_code = ? ORDER BY version DESC LIMIT 1", ps -> {
                    ps.setString(1, taskId);
                    ps.setString(2, unitCode);
                    return readReports(ps, withRows).stream().findFirst();
                });
    }

    public Optional<CampaignReport> find(String reportId, boolean withRows) {
        return jdbc.prepareStatement(select(withRows) + " WHERE report_id = ?", ps -> {
            ps.setString(1, reportId);
            return readReports(ps, withRows).stream().findFirst();
        });
    }

    /** Every version of every line of the task, rows left out, by unit then version. */
    public List<CampaignReport> list(String taskId) {
        return jdbc.prepareStatement(select(false) + " WHERE task_id = ? ORDER BY unit_code, version", ps -> {
            ps.setString(1, taskId);
            return readReports(ps, false);
        });
    }

    /** The latest version that left the unit (anything but a draft), rows included. */
    public Optional<CampaignReport> latestSubmitted(String taskId, String unitCode) {
        return jdbc.prepareStatement(
                select(true) + " WHERE task_id = ? AND unit_code = ? AND state <> 'DRAFT' ORDER BY version DESC"
                        + " LIMIT 1",
                ps -> {
                    ps.setString(1, taskId);
                    ps.setString(2, unitCode);
                    return readReports(ps, true).stream().findFirst();
                });
    }

    /** A new version; a version already taken fails on the unique key (the caller lost a race). */
    public void insert(CampaignReport r) {
        jdbc.prepareStatement(
                "INSERT INTO campaign_report (report_id, task_id, unit_code, version, state, consolidation, rows_json,"
                        + " row_count, saved_by, saved_at, late, source_report_ids)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
                ps -> {
                    ps.setString(1, r.reportId());
                    ps.setString(2, r.taskId());
                    ps.setString(3, r.unitCode());
                    ps.setInt(4, r.version());
                    ps.setString(5, r.state().name());
                    ps.setBoolean(6, r.consolidation());
                    ps.setString(7, CampaignJson.writeRows(r.rows()));
                    ps.setInt(8, r.rows().size());
                    ps.setString(9, r.savedBy());
                    UtcTimestamps.bind(ps, 10, r.savedAt());
                    ps.setString(
                            11, r.sourceReportIds().isEmpty() ? null : TemplateJson.writeStrings(r.sourceReportIds()));
                    return ps.executeUpdate();
                });
    }

    /** @return whether the draft was there to replace */
    public boolean replaceDraft(
            String reportId, List<CampaignRow> rows, String savedBy, Instant savedAt, List<String> sourceReportIds) {
        return jdbc.prepareStatement(
                        "UPDATE campaign_report SET rows_json = ?, row_count = ?, saved_by = ?, saved_at = ?,"
                                + " source_report_ids = ? WHERE report_id = ? AND state = 'DRAFT'",
                        ps -> {
                            ps.setString(1, CampaignJson.writeRows(rows));
                            ps.setInt(2, rows.size());
                            ps.setString(3, savedBy);
                            UtcTimestamps.bind(ps, 4, savedAt);
                            ps.setString(
                                    5, sourceReportIds.isEmpty() ? null : TemplateJson.writeStrings(sourceReportIds));
                            ps.setString(6, reportId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** DRAFT -> SUBMITTED. @return false when it was no longer a draft */
    public boolean submit(String reportId, String by, Instant at, boolean late) {
        return jdbc.prepareStatement(
                        "UPDATE campaign_report SET state = 'SUBMITTED', submitted_by = ?, submitted_at = ?, late = ?"
                                + " WHERE report_id = ? AND state = 'DRAFT'",
                        ps -> {
                            ps.setString(1, by);
                            UtcTimestamps.bind(ps, 2, at);
                            ps.setBoolean(3, late);
                            ps.setString(4, reportId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** SUBMITTED -> RETURNED. @return false when it was no longer submitted */
    public boolean markReturned(String reportId, String by, Instant at, String reason) {
        return jdbc.prepareStatement(
                        "UPDATE campaign_report SET state = 'RETURNED', returned_by = ?, returned_at = ?,"
                                + " return_reason = ? WHERE report_id = ? AND state = 'SUBMITTED'",
                        ps -> {
                            ps.setString(1, by);
                            UtcTimestamps.bind(ps, 2, at);
                            ps.setString(3, reason);
                            ps.setString(4, reportId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** SUBMITTED -> ACCEPTED. @return false when it was no longer submitted */
    public boolean markAccepted(String reportId, String by, Instant at) {
        return jdbc.prepareStatement(
                        "UPDATE campaign_report SET state = 'ACCEPTED', accepted_by = ?, accepted_at = ?"
                                + " WHERE report_id = ? AND state = 'SUBMITTED'",
                        ps -> {
                            ps.setString(1, by);
                            UtcTimestamps.bind(ps, 2, at);
                            ps.setString(3, reportId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** ACCEPTED -> CONSOLIDATED. @return false when it was no longer accepted */
    public boolean markConsolidated(String reportId) {
        return jdbc.prepareStatement(
                        "UPDATE campaign_report SET state = 'CONSOLIDATED' WHERE report_id = ? AND state = 'ACCEPTED'",
                        ps -> {
                            ps.setString(1, reportId);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** The catalogue as the procedure projection holds it: latest versions not withdrawn, by code. */
    public List<String[]> procedures(int limit) {
        return jdbc.prepareStatement(
                "SELECT code, name FROM procedure_dim WHERE withdrawn = FALSE ORDER BY code LIMIT ?", ps -> {
                    ps.setInt(1, limit);
                    List<String[]> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                    return found;
                });
    }

    private static String select(boolean withRows) {
        return "SELECT " + COLUMNS + (withRows ? ", rows_json" : "") + " FROM campaign_report";
    }

    private static List<CampaignAssignment> readAssignments(PreparedStatement ps) throws SQLException {
        List<CampaignAssignment> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new CampaignAssignment(
                        rs.getString("task_id"),
                        rs.getString("unit_code"),
                        AssignmentStage.valueOf(rs.getString("stage")),
                        UtcTimestamps.read(rs, "effective_deadline_at"),
                        UtcTimestamps.read(rs, "done_at")));
            }
        }
        return found;
    }

    private static List<CampaignReport> readReports(PreparedStatement ps, boolean withRows) throws SQLException {
        List<CampaignReport> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new CampaignReport(
                        rs.getString("report_id"),
                        rs.getString("task_id"),
                        rs.getString("unit_code"),
                        rs.getInt("version"),
                        ReportState.valueOf(rs.getString("state")),
                        rs.getBoolean("consolidation"),
                        withRows ? CampaignJson.readRows(rs.getString("rows_json")) : null,
                        rs.getInt("row_count"),
                        rs.getString("saved_by"),
                        UtcTimestamps.read(rs, "saved_at"),
                        rs.getString("submitted_by"),
                        UtcTimestamps.read(rs, "submitted_at"),
                        rs.getBoolean("late"),
                        rs.getString("returned_by"),
                        UtcTimestamps.read(rs, "returned_at"),
                        rs.getString("return_reason"),
                        rs.getString("accepted_by"),
                        UtcTimestamps.read(rs, "accepted_at"),
                        TemplateJson.readStrings(rs.getString("source_report_ids"))));
            }
        }
        return found;
    }

    /** null for a task without template (not a campaign). */
    private static CampaignTemplate templateOrNull(String json) {
        return json == null || json.isBlank() ? null : TemplateJson.read(json);
    }
}
