package vn.motcua.report.evaluation.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.evaluation.domain.DossierFacts;
import vn.motcua.report.indicator.repository.FactPredicates;
import vn.motcua.report.indicator.repository.FactQueryRepository;

/**
 * Reads what the Circular 01/2018 evaluation needs from dossier_fact. Dossiers are grouped by the raw inputs of the
 * scoring (not by scores), so the one scoring definition stays in the domain and a province's year is still a grouped
 * read, not millions of rows.
 */
@Singleton
public class EvaluationRepository {

    /** Identical facts of one unit and officer, and how many dossiers share them. */
    public record GroupedFacts(String unitCode, String assignee, DossierFacts facts, long dossiers) {}

    /** A unit's online figures for indicator 9. */
    public record OnlineFigures(long received, long online, long onlineLate) {}

    private static final String FACT_COLUMNS = "d.timeliness, d.result_kind, d.channel, d.supplement_requests,"
            + " d.rating_agencies, " + FactPredicates.PAPER + " AS requires_paper,"
            + " COALESCE(z.result_electronic, FALSE) AS electronic,"
            + " CASE WHEN EXISTS (SELECT 1 FROM feedback_fact f WHERE f.dossier_code = d.code"
            + " AND f.classification = 'STAFF_BEHAVIOUR') THEN TRUE ELSE FALSE END AS staff_feedback";

    private static final String FROM = FactQueryRepository.FROM;

    private static final String SUBTREE =
            "d.unit_code IN (SELECT a.unit_code FROM unit_ancestor a WHERE a.ancestor_code = ?)";

    private final JdbcOperations jdbc;

    public EvaluationRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Received dossiers of the subtree resolved in [start, end), grouped by unit, officer and facts. */
    @Transactional(readOnly = true)
    public List<GroupedFacts> resolvedIn(String rootUnit, Instant start, Instant end) {
        String sql = "SELECT t.unit_code, t.assignee, t.timeliness, t.result_kind, t.channel, t.supplement_requests,"
                + " t.rating_agencies, t.requires_paper, t.electronic, t.staff_feedback, COUNT(*) AS n FROM ("
                + "SELECT d.unit_code, d.assignee, " + FACT_COLUMNS + FROM + " WHERE " + SUBTREE
                + " AND d.received_at IS NOT NULL AND d.result_kind IS NOT NULL AND d.finished_at >= ?"
                + " AND d.finished_at < ?) t GROUP BY t.unit_code, t.assignee, t.timeliness, t.result_kind,"
                + " t.channel, t.supplement_requests, t.rating_agencies, t.requires_paper, t.electronic,"
                + " t.staff_feedback";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, rootUnit);
            UtcTimestamps.bind(ps, 2, start);
            UtcTimestamps.bind(ps, 3, end);
            List<GroupedFacts> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new GroupedFacts(
                            rs.getString("unit_code"), rs.getString("assignee"), facts(rs), rs.getLong("n")));
                }
            }
            return rows;
        });
    }

    /**
     * Per unit of the subtree: dossiers received in [start, end), of those online, and online dossiers resolved late
     * in the period (II.06a timeliness) or open and past due_at at its end.
     */
    @Transactional(readOnly = true)
    public Map<String, OnlineFigures> online(String rootUnit, Instant start, Instant end) {
        String resolvedBeforeEnd = "(d.result_kind IS NOT NULL AND d.finished_at IS NOT NULL AND d.finished_at < ?)";
        String sql = "SELECT d.unit_code,"
                + " SUM(CASE WHEN d.received_at >= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d.received_at >= ? AND d.channel = 'ONLINE' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN d.channel = 'ONLINE' AND ((d.result_kind IS NOT NULL AND d.finished_at >= ?"
                + " AND d.finished_at < ? AND d.timeliness = 'LATE') OR (NOT " + resolvedBeforeEnd
                + " AND d.due_at < ?)) THEN 1 ELSE 0 END)"
                + " FROM dossier_fact d WHERE " + SUBTREE + " AND d.received_at IS NOT NULL AND d.received_at < ?"
                + " AND (d.received_at >= ? OR d.result_kind IS NULL OR d.finished_at >= ?) GROUP BY d.unit_code";
        return jdbc.prepareStatement(sql, ps -> {
            Instant[] params = {start, start, start, end, end, end};
            int i = 1;
            for (Instant p : params) {
                UtcTimestamps.bind(ps, i++, p);
            }
            ps.setString(i++, rootUnit);
            UtcTimestamps.bind(ps, i++, end);
            UtcTimestamps.bind(ps, i++, start);
            UtcTimestamps.bind(ps, i, start);
            Map<String, OnlineFigures> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new OnlineFigures(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return rows;
        });
    }

    /** The evaluation facts of one dossier. */
    @Transactional(readOnly = true)
    public Optional<DossierFacts> factsOf(String code) {
        return jdbc.prepareStatement("SELECT " + FACT_COLUMNS + FROM + " WHERE d.code = ?", (PreparedStatement ps) -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(facts(rs)) : Optional.<DossierFacts>empty();
            }
        });
    }

    private static DossierFacts facts(ResultSet rs) throws SQLException {
        int rating = rs.getInt("rating_agencies");
        Integer ratingAgencies = rs.wasNull() ? null : rating;
        return new DossierFacts(
                rs.getString("timeliness"),
                rs.getString("result_kind"),
                rs.getString("channel"),
                rs.getInt("supplement_requests"),
                ratingAgencies,
                rs.getBoolean("requires_paper"),
                rs.getBoolean("electronic"),
                rs.getBoolean("staff_feedback"));
    }
}
