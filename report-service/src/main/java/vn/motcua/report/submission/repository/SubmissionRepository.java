package vn.motcua.report.submission.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.submission.domain.DiffEntry;
import vn.motcua.report.submission.domain.ReportKind;

/**
 * report_submission and its sources and diff (V3). Insert-only: frozen versions are never updated or deleted. Only
 * statements H2 (MODE=MySQL) and MariaDB both run.
 */
@Singleton
public class SubmissionRepository {

    private static final String COLUMNS = "s.submission_id, s.unit_code, s.unit_name, s.kind, s.period_from,"
            + " s.period_to, s.version, s.consolidated, s.submitted_by, s.submitted_at, s.reason, s.deadline_at,"
            + " s.late";

    private final JdbcOperations jdbc;

    public SubmissionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Freezes one version with its sources and diff, all or nothing. A version already taken fails on the unique key
     * (SQLIntegrityConstraintViolationException in the cause chain): the caller lost a race.
     */
    @Transactional
    public void insert(SubmissionRecord s, List<SourceRecord> sources, List<DiffEntry> diff) {
        jdbc.prepareStatement(
                "INSERT INTO report_submission (submission_id, unit_code, unit_name, kind, period_from, period_to,"
                        + " version, consolidated, submitted_by, submitted_at, reason, deadline_at, late, figures)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, s.id());
                    ps.setString(2, s.unitCode());
                    ps.setString(3, s.unitName());
                    ps.setString(4, s.kind().name());
                    ps.setObject(5, s.periodFrom());
                    ps.setObject(6, s.periodTo());
                    ps.setInt(7, s.version());
                    ps.setBoolean(8, s.consolidated());
                    ps.setString(9, s.submittedBy());
                    UtcTimestamps.bind(ps, 10, s.submittedAt());
                    ps.setString(11, s.reason());
                    UtcTimestamps.bind(ps, 12, s.deadline());
                    ps.setBoolean(13, s.late());
                    ps.setString(14, s.figuresJson());
                    return ps.executeUpdate();
                });
        if (!sources.isEmpty()) {
            jdbc.prepareStatement(
                    "INSERT INTO report_submission_source (submission_id, line_no, child_unit_code, child_unit_name,"
                            + " child_submission_id) VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        int line = 0;
                        for (SourceRecord source : sources) {
                            ps.setString(1, s.id());
                            ps.setInt(2, ++line);
                            ps.setString(3, source.childUnitCode());
                            ps.setString(4, source.childUnitName());
                            ps.setString(5, source.childSubmissionId());
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    });
        }
        if (!diff.isEmpty()) {
            jdbc.prepareStatement(
                    "INSERT INTO report_submission_diff (submission_id, line_no, row_key, column_name, before_value,"
                            + " after_value) VALUES (?, ?, ?, ?, ?, ?)",
                    ps -> {
                        int line = 0;
                        for (DiffEntry entry : diff) {
                            ps.setString(1, s.id());
                            ps.setInt(2, ++line);
                            ps.setString(3, entry.rowKey());
                            ps.setString(4, entry.column());
                            ps.setLong(5, entry.before());
                            ps.setLong(6, entry.after());
                            ps.addBatch();
                        }
                        return ps.executeBatch();
                    });
        }
    }

    @Transactional(readOnly = true)
    public Optional<SubmissionRecord> find(String submissionId) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + ", s.figures FROM report_submission s WHERE s.submission_id = ?", ps -> {
                    ps.setString(1, submissionId);
                    List<SubmissionRecord> found = read(ps, true);
                    return found.stream().findFirst();
                });
    }

    /** The highest version of a unit's report for a period, figures included. */
    @Transactional(readOnly = true)
    public Optional<SubmissionRecord> latest(String unitCode, ReportKind kind, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + ", s.figures FROM report_submission s WHERE s.unit_code = ? AND s.kind = ?"
                        + " AND s.period_from = ? AND s.period_to = ? ORDER BY s.version DESC LIMIT 1",
                ps -> {
                    bindPeriod(ps, 1, unitCode, kind, from, to);
                    return read(ps, true).stream().findFirst();
                });
    }

    /** Every version of a unit's report for a period, newest first, without the figures. */
    @Transactional(readOnly = true)
    public List<SubmissionRecord> list(String unitCode, ReportKind kind, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM report_submission s WHERE s.unit_code = ? AND s.kind = ?"
                        + " AND s.period_from = ? AND s.period_to = ? ORDER BY s.version DESC",
                ps -> {
                    bindPeriod(ps, 1, unitCode, kind, from, to);
                    return read(ps, false);
                });
    }

    /** The latest version of each of these units' reports for a period (units that never submitted are absent). */
    @Transactional(readOnly = true)
    public Map<String, SubmissionRecord> latestOf(
            Collection<String> unitCodes, ReportKind kind, LocalDate from, LocalDate to) {
        Map<String, SubmissionRecord> latest = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return latest;
        }
        List<String> units = List.copyOf(unitCodes);
        jdbc.prepareStatement(
                "SELECT " + COLUMNS + ", s.figures FROM report_submission s WHERE s.unit_code IN ("
                        + String.join(", ", Collections.nCopies(units.size(), "?"))
                        + ") AND s.kind = ? AND s.period_from = ? AND s.period_to = ?"
                        + " AND s.version = (SELECT MAX(x.version) FROM report_submission x"
                        + " WHERE x.unit_code = s.unit_code AND x.kind = s.kind AND x.period_from = s.period_from"
                        + " AND x.period_to = s.period_to)",
                ps -> {
                    int p = 1;
                    for (String unit : units) {
                        ps.setString(p++, unit);
                    }
                    ps.setString(p++, kind.name());
                    ps.setObject(p++, from);
                    ps.setObject(p, to);
                    read(ps, true).forEach(r -> latest.put(r.unitCode(), r));
                    return null;
                });
        return latest;
    }

    @Transactional(readOnly = true)
    public List<SourceRecord> sources(String submissionId) {
        return jdbc.prepareStatement(
                "SELECT src.child_unit_code, src.child_unit_name, src.child_submission_id, c.version,"
                        + " c.submitted_at, c.late FROM report_submission_source src"
                        + " LEFT JOIN report_submission c ON c.submission_id = src.child_submission_id"
                        + " WHERE src.submission_id = ? ORDER BY src.line_no",
                ps -> {
                    ps.setString(1, submissionId);
                    List<SourceRecord> sources = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sources.add(new SourceRecord(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    UtcTimestamps.read(rs, "submitted_at"),
                                    rs.getBoolean(6)));
                        }
                    }
                    return sources;
                });
    }

    @Transactional(readOnly = true)
    public List<DiffEntry> diff(String submissionId) {
        return jdbc.prepareStatement(
                "SELECT row_key, column_name, before_value, after_value FROM report_submission_diff"
                        + " WHERE submission_id = ? ORDER BY line_no",
                ps -> {
                    ps.setString(1, submissionId);
                    List<DiffEntry> diff = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            diff.add(new DiffEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                        }
                    }
                    return diff;
                });
    }

    private static void bindPeriod(
            PreparedStatement ps, int first, String unitCode, ReportKind kind, LocalDate from, LocalDate to)
            throws SQLException {
        ps.setString(first, unitCode);
        ps.setString(first + 1, kind.name());
        ps.setObject(first + 2, from);
        ps.setObject(first + 3, to);
    }

    private static List<SubmissionRecord> read(PreparedStatement ps, boolean withFigures) throws SQLException {
        List<SubmissionRecord> records = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(new SubmissionRecord(
                        rs.getString("submission_id"),
                        rs.getString("unit_code"),
                        rs.getString("unit_name"),
                        ReportKind.valueOf(rs.getString("kind")),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getInt("version"),
                        rs.getBoolean("consolidated"),
                        rs.getString("submitted_by"),
                        UtcTimestamps.read(rs, "submitted_at"),
                        rs.getString("reason"),
                        UtcTimestamps.read(rs, "deadline_at"),
                        rs.getBoolean("late"),
                        withFigures ? rs.getString("figures") : null));
            }
        }
        return records;
    }
}
