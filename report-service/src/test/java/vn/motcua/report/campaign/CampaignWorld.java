package vn.motcua.report.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.report.ii06a.StatSeed;

/**
 * Tasks and assignments written straight into the test database (the task service that creates them is another
 * part's), in the shape V6 and the task service store them: instants UTC, template_json the template record's shape.
 */
public final class CampaignWorld {

    /** Ten columns would do as well; these cover every type, two required. */
    public static final String TEMPLATE = "{\"columns\":["
            + "{\"key\":\"procedure_code\",\"label\":\"Mã thủ tục\",\"type\":\"TEXT\",\"required\":true},"
            + "{\"key\":\"procedure_name\",\"label\":\"Tên thủ tục hành chính\",\"type\":\"TEXT\",\"required\":false},"
            + "{\"key\":\"dossiers\",\"label\":\"Số hồ sơ tiếp nhận\",\"type\":\"INTEGER\",\"required\":true},"
            + "{\"key\":\"ratio\",\"label\":\"Tỷ lệ đúng hạn (%)\",\"type\":\"DECIMAL\",\"required\":false},"
            + "{\"key\":\"since\",\"label\":\"Áp dụng từ ngày\",\"type\":\"DATE\",\"required\":false},"
            + "{\"key\":\"online\",\"label\":\"Có trực tuyến\",\"type\":\"YES_NO\",\"required\":false}"
            + "],\"prefill\":\"NONE\"}";

    private final StatSeed seed;
    private final TestDatabase db;

    public CampaignWorld(StatSeed seed, TestDatabase db) {
        this.seed = seed;
        this.db = db;
    }

    /**
     * A campaign of {@code issuer} to {@code assignees} (stage ASSIGNEE, deadline {@code deadline}) and the issuer's
     * own UPWARD assignment (deadline {@code upward}); instants as "2026-12-08 09:00:00" UTC, effective = as set.
     */
    public void campaign(
            String taskId, String issuer, String template, String deadline, String upward, String... assignees) {
        task(taskId, issuer, "CAMPAIGN", "REPORT_TEMPLATE", template);
        for (String unit : assignees) {
            assignment(taskId, unit, "ASSIGNEE", deadline);
        }
        if (upward != null) {
            assignment(taskId, issuer, "UPWARD", upward);
        }
    }

    public void task(String taskId, String issuer, String kind, String output, String template) {
        seed.execute(
                "INSERT INTO task_item (task_id, directive_id, issuing_unit, kind, title, description,"
                        + " expected_output, template_json, follow_up_user, created_by, created_at)"
                        + " VALUES (?, 'D1', ?, ?, ?, '', ?, ?, 'leader" + issuer + "', 'leader" + issuer + "',"
                        + " '2026-12-01 01:00:00')",
                taskId,
                issuer,
                kind,
                "Thống kê thủ tục hành chính năm 2026 " + taskId,
                output,
                template);
    }

    public void assignment(String taskId, String unit, String stage, String deadline) {
        seed.execute(
                "INSERT INTO task_assignment (task_id, unit_code, stage, deadline_at, effective_deadline_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                taskId,
                unit,
                stage,
                deadline,
                deadline);
    }

    public void procedure(String code, String name, boolean withdrawn) {
        seed.execute(
                "INSERT INTO procedure_dim (code, version, name, field_code, level, online_level,"
                        + " requires_paper_result, withdrawn) VALUES (?, 1, ?, 'Hộ tịch', 3, 2, FALSE, ?)",
                code,
                name,
                withdrawn);
    }

    /** A text column of one row, straight from the database. */
    public String text(String sql, Object... args) {
        List<String> found = texts(sql, args);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<String> texts(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Feed events of one report: "event_type unit_code" in the order written. */
    public List<String> events(String reportId) {
        return texts(
                "SELECT CONCAT(event_type, ' ', unit_code) FROM feed_outbox WHERE aggregate_id = ? ORDER BY id",
                reportId);
    }
}
