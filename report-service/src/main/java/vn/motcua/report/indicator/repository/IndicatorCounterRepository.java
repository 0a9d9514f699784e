package vn.motcua.report.indicator.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.report.indicator.domain.CommuneCounts;
import vn.motcua.report.indicator.domain.CounterData;
import vn.motcua.report.indicator.domain.FeedbackCounts;
import vn.motcua.report.indicator.domain.FlagCounts;
import vn.motcua.report.indicator.domain.ProcedureCounts;
import vn.motcua.report.indicator.domain.StatCounts;

/**
 * Reads the counters the projection maintains (stat_month, i766_month) and the two small fact tables the indicators
 * read directly (certified_copy_fact, feedback_fact), grouped per unit, so a province's scores cost a few grouped
 * reads of counter rows and never a scan of dossier_fact. Units are given as a list (the subtree from the closure):
 * with i766_month keyed (unit, month, ...) that is a range read of the period's months per unit. The predicates for what each counter counts live in
 * {@link FactPredicates}; the drill-down IT proves both agree.
 */
@Singleton
public class IndicatorCounterRepository {

    /** procedure_dim.online_level holds the OnlineLevel number; 3 = ONLINE_LEVEL_FULL (toàn trình). */
    public static final int ONLINE_LEVEL_FULL = 3;

    /** common.v1.UnitLevel number of a commune. */
    public static final int COMMUNE_LEVEL = 3;

    private static final String RECEIVED = "s.received_online + s.received_counter + s.received_postal";
    private static final String RESOLVED = "s.resolved_early + s.resolved_on_time + s.resolved_late";

    private final JdbcOperations jdbc;

    public IndicatorCounterRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** "unit_code IN (?, ?, ...)" for {@code alias}, one mark per unit. */
    private static String in(String alias, Collection<String> units) {
        return alias + ".unit_code IN (" + String.join(", ", java.util.Collections.nCopies(units.size(), "?")) + ")";
    }

    /**
     * @param firstMonth         yyyymm of the period's first month
     * @param lastMonth          yyyymm of its last month
     * @param start              T0, the start of the first day (local midnight)
     * @param end                T1, the start of the day after the last
     * @param feedbackOpenSince  an open PAKN received at or after this is still within its answer limit at T1
     */
    @Transactional(readOnly = true)
    public CounterData load(
            Collection<String> units,
            int firstMonth,
            int lastMonth,
            Instant start,
            Instant end,
            Instant feedbackOpenSince) {
        if (units.isEmpty()) {
            return new CounterData(Map.of(), List.of(), Set.of(), Map.of(), Map.of());
        }
        return new CounterData(
                stat(units, firstMonth, lastMonth),
                procedures(units, firstMonth, lastMonth),
                fullOnlineProcedures(),
                communes(units, start, end),
                feedback(units, start, end, feedbackOpenSince));
    }

    /** For every unit of the root's subtree, the units of its own subtree (from the closure). */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> subtrees(String rootUnit) {
        return jdbc.prepareStatement(
                "SELECT x.ancestor_code, x.unit_code FROM unit_ancestor x"
                        + " JOIN unit_ancestor a ON a.unit_code = x.unit_code AND a.ancestor_code = ?",
                ps -> {
                    ps.setString(1, rootUnit);
                    Map<String, Set<String>> below = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            below.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                                    .add(rs.getString(2));
                        }
                    }
                    return below;
                });
    }

    private Map<String, StatCounts> stat(Collection<String> units, int firstMonth, int lastMonth) {
        String sql = "SELECT s.unit_code,"
                + " SUM(CASE WHEN s.month < ? THEN " + RECEIVED + " ELSE 0 END),"
                + " SUM(CASE WHEN s.month < ? THEN " + RESOLVED + " ELSE 0 END),"
                + " SUM(CASE WHEN s.month >= ? THEN " + RECEIVED + " ELSE 0 END),"
                + " SUM(CASE WHEN s.month >= ? THEN s.resolved_on_time_766 ELSE 0 END),"
                + " SUM(" + RECEIVED + "), SUM(" + RESOLVED + "), SUM(s.due_count), SUM(s.closed_due_count)"
                + " FROM stat_month s WHERE " + in("s", units) + " AND s.month <= ?"
                + " GROUP BY s.unit_code";
        return jdbc.prepareStatement(sql, ps -> {
            List<Object> params = new ArrayList<>(List.of(firstMonth, firstMonth, firstMonth, firstMonth));
            params.addAll(units);
            params.add(lastMonth);
            Sql.bind(ps, params);
            Map<String, StatCounts> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(
                            rs.getString(1),
                            new StatCounts(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getLong(7),
                                    rs.getLong(8),
                                    rs.getLong(9)));
                }
            }
            return rows;
        });
    }

    private List<ProcedureCounts> procedures(Collection<String> units, int firstMonth, int lastMonth) {
        String sql = "SELECT i.unit_code, i.procedure_code, SUM(i.received), SUM(i.received_online),"
                + " SUM(i.online_counted), SUM(i.financial_obligation), SUM(i.paid_online),"
                + " SUM(i.paper_result_required), SUM(i.paper_result_electronic), SUM(i.digitized),"
                + " SUM(i.reuses_data), SUM(i.linked_to_warehouse), SUM(i.resolved_late), SUM(i.feedback_or_dislike)"
                + " FROM i766_month i WHERE " + in("i", units) + " AND i.month BETWEEN ? AND ?"
                + " GROUP BY i.unit_code, i.procedure_code";
        return jdbc.prepareStatement(sql, ps -> {
            List<Object> params = new ArrayList<>(units);
            params.add(firstMonth);
            params.add(lastMonth);
            Sql.bind(ps, params);
            List<ProcedureCounts> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ProcedureCounts(
                            rs.getString(1),
                            rs.getString(2),
                            new FlagCounts(
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getLong(7),
                                    rs.getLong(8),
                                    rs.getLong(9),
                                    rs.getLong(10),
                                    rs.getLong(11),
                                    rs.getLong(12),
                                    rs.getLong(13),
                                    rs.getLong(14))));
                }
            }
            return rows;
        });
    }

    private Set<String> fullOnlineProcedures() {
        return jdbc.prepareStatement("SELECT code FROM procedure_dim WHERE online_level = ?", ps -> {
            ps.setInt(1, ONLINE_LEVEL_FULL);
            Set<String> codes = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    private Map<String, CommuneCounts> communes(Collection<String> units, Instant start, Instant end) {
        String sql = "SELECT u.code, CASE WHEN EXISTS (SELECT 1 FROM certified_copy_fact c WHERE c.unit_code = u.code"
                + " AND c.certified_at >= ? AND c.certified_at < ?) THEN 1 ELSE 0 END FROM unit_dim u WHERE "
                + in("u", units).replace("u.unit_code", "u.code") + " AND u.level = ?";
        return jdbc.prepareStatement(sql, ps -> {
            List<Object> params = new ArrayList<>(List.of(start, end));
            params.addAll(units);
            params.add(COMMUNE_LEVEL);
            Sql.bind(ps, params);
            Map<String, CommuneCounts> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new CommuneCounts(1, rs.getLong(2)));
                }
            }
            return rows;
        });
    }

    /** PAKN received in [start, end) per unit; an open one counts as on time when received at or after openSince. */
    @Transactional(readOnly = true)
    public Map<String, FeedbackCounts> feedback(
            Collection<String> units, Instant start, Instant end, Instant openSince) {
        String onTime = FactPredicates.FEEDBACK_ON_TIME;
        String sql = "SELECT f.unit_code, COUNT(*),"
                + " SUM(CASE WHEN " + onTime + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + onTime + " AND f.dissatisfied = FALSE AND f.repeated = FALSE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN f.about_regulation = TRUE THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN f.classification = 'STAFF_BEHAVIOUR' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN f.repeated = TRUE THEN 1 ELSE 0 END)"
                + " FROM feedback_fact f WHERE " + in("f", units)
                + " AND f.received_at >= ? AND f.received_at < ? GROUP BY f.unit_code";
        return jdbc.prepareStatement(sql, ps -> {
            // the on-time predicate appears twice, each with its one parameter
            List<Object> params = new ArrayList<>(List.of(openSince, openSince));
            params.addAll(units);
            params.add(start);
            params.add(end);
            Sql.bind(ps, params);
            Map<String, FeedbackCounts> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(
                            rs.getString(1),
                            new FeedbackCounts(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6),
                                    rs.getLong(7)));
                }
            }
            return rows;
        });
    }
}
