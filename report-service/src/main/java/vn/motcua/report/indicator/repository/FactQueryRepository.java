package vn.motcua.report.indicator.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.report.indicator.domain.FactView;

/** Lists of dossier facts: drill-down pages and the overdue list. */
@Singleton
public class FactQueryRepository {

    /** The columns of {@link FactView}; needs the aliases d, z (see {@link #FROM}). */
    public static final String VIEW_COLUMNS = "d.code, d.unit_code, d.receiving_unit_code, d.procedure_code,"
            + " d.field_code, d.channel, d.received_at, d.due_at, d.original_due_at, d.finished_at, d.result_kind,"
            + " d.timeliness, d.imported, d.state, CASE WHEN " + FactPredicates.PAID_ONLINE
            + " THEN TRUE ELSE FALSE END AS paid_online, COALESCE(z.result_electronic, FALSE) AS result_electronic,"
            + " COALESCE(z.reuses_data, FALSE) AS reuses_data";

    public static final String FROM = " FROM dossier_fact d LEFT JOIN procedure_dim p ON p.code = d.procedure_code"
            + " LEFT JOIN digitization_fact z ON z.dossier_code = d.code";

    private final JdbcOperations jdbc;

    public FactQueryRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit condition on d: the unit's own dossiers, or its subtree's (closure unit_ancestor). */
    public static String unitFilter(boolean subtree) {
        return subtree
                ? "d.unit_code IN (SELECT a.unit_code FROM unit_ancestor a WHERE a.ancestor_code = ?)"
                : "d.unit_code = ?";
    }

    /**
     * One page of a drill-down, ordered by code.
     *
     * @param afterCode the last code of the previous page, "" for the first
     * @param limit     rows to fetch (the page size plus one, to know whether another page follows)
     */
    @Transactional(readOnly = true)
    public List<FactView> page(
            String unitCode, boolean subtree, FactPredicates.Predicate predicate, String afterCode, int limit) {
        String sql = "SELECT " + VIEW_COLUMNS + FROM + " WHERE " + unitFilter(subtree) + " AND (" + predicate.sql()
                + ") AND d.code > ? ORDER BY d.code LIMIT ?";
        List<Object> params = new ArrayList<>();
        params.add(unitCode);
        params.addAll(predicate.params());
        params.add(afterCode);
        params.add(limit);
        return list(sql, params);
    }

    /** How many facts a predicate selects (tests and checks; scores come from the counters). */
    @Transactional(readOnly = true)
    public long count(String unitCode, boolean subtree, FactPredicates.Predicate predicate) {
        String sql = "SELECT COUNT(*)" + FROM + " WHERE " + unitFilter(subtree) + " AND (" + predicate.sql() + ")";
        List<Object> params = new ArrayList<>();
        params.add(unitCode);
        params.addAll(predicate.params());
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Open received dossiers of the subtree due before {@code dueBefore}: the overdue list's condition. */
    private static final String OPEN_DUE_BEFORE =
            "d.result_kind IS NULL AND d.received_at IS NOT NULL AND d.due_at IS NOT NULL AND d.due_at < ?";

    @Transactional(readOnly = true)
    public long countOpenDueBefore(String rootUnit, Instant dueBefore) {
        String sql = "SELECT COUNT(*) FROM dossier_fact d WHERE " + unitFilter(true) + " AND " + OPEN_DUE_BEFORE;
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, List.of(rootUnit, dueBefore));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Open dossiers of the subtree due before {@code dueBefore}, most overdue first (due_at, then code), after the
     * keyset position (null for the first page).
     */
    @Transactional(readOnly = true)
    public List<FactView> openDueBefore(
            String rootUnit, Instant dueBefore, Instant afterDue, String afterCode, int limit) {
        List<Object> params = new ArrayList<>(List.of(rootUnit, dueBefore));
        String keyset = "";
        if (afterDue != null) {
            keyset = " AND (d.due_at > ? OR (d.due_at = ? AND d.code > ?))";
            params.add(afterDue);
            params.add(afterDue);
            params.add(afterCode);
        }
        params.add(limit);
        String sql = "SELECT " + VIEW_COLUMNS + FROM + " WHERE " + unitFilter(true) + " AND " + OPEN_DUE_BEFORE + keyset
                + " ORDER BY d.due_at, d.code LIMIT ?";
        return list(sql, params);
    }

    /** One dossier by its code. */
    @Transactional(readOnly = true)
    public Optional<FactView> byCode(String code) {
        List<FactView> rows = list("SELECT " + VIEW_COLUMNS + FROM + " WHERE d.code = ?", List.of(code));
        return rows.stream().findFirst();
    }

    private List<FactView> list(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, ps -> {
            Sql.bind(ps, params);
            List<FactView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(view(rs));
                }
            }
            return rows;
        });
    }

    public static FactView view(ResultSet rs) throws SQLException {
        return new FactView(
                rs.getString("code"),
                rs.getString("unit_code"),
                rs.getString("receiving_unit_code"),
                rs.getString("procedure_code"),
                rs.getString("field_code"),
                rs.getString("channel"),
                Sql.instant(rs, "received_at"),
                Sql.instant(rs, "due_at"),
                Sql.instant(rs, "original_due_at"),
                Sql.instant(rs, "finished_at"),
                rs.getString("result_kind"),
                rs.getString("timeliness"),
                rs.getBoolean("imported"),
                rs.getBoolean("paid_online"),
                rs.getBoolean("result_electronic"),
                rs.getBoolean("reuses_data"),
                rs.getString("state"));
    }
}
