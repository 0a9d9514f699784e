package vn.motcua.report.ii06a.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.report.ii06a.domain.StatCounters;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * Reads the II.06a counters (stat_month, stat_day; V2) as prefix sums: the sum of every counter row before the start
 * of a local day, per statistics unit and field. Never touches dossier_fact, so a report costs the same for 10 M
 * dossiers as for 10 (it grows with units x fields x months instead).
 * <p>
 * A prefix before day D is every month before D's month (stat_month) plus D's month's days before D (stat_day); all
 * the prefixes a report needs are read by one grouped query per table, each prefix a column of CASE sums. A prefix at
 * the first of a month needs no day rows, so a calendar period never reads stat_day at all.
 */
@Singleton
public class StatCounterRepository {

    /** The stat_day / stat_month columns in {@link StatCounters}' component order. */
    static final List<String> COLUMNS = List.of(
            "received_online",
            "received_counter",
            "received_postal",
            "received_boundary_free",
            "resolved_early",
            "resolved_on_time",
            "resolved_late",
            "resolved_late_with_apology",
            "withdrawn",
            "refused",
            "due_count",
            "closed_due_count");

    /** Units per statement: bounds the IN list (and the statement cache's variety) for a province of any size. */
    static final int UNITS_PER_QUERY = 500;

    private final JdbcOperations jdbc;

    public StatCounterRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A statistics unit and field: the grain of the counters. */
    public record Cell(String unitCode, String fieldCode) {}

    /**
     * @param units  statistics units to read
     * @param points local days; element i of each answer is the prefix before the start of {@code points.get(i)}
     * @return every (unit, field) having any counter row before the last point, with one prefix per point
     */
    @Transactional(readOnly = true)
    public Map<Cell, StatCounters[]> prefixesBefore(Collection<String> units, List<LocalDate> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("at least one point");
        }
        Map<Cell, long[][]> sums = new HashMap<>();
        List<String> all = List.copyOf(units);
        for (int from = 0; from < all.size(); from += UNITS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + UNITS_PER_QUERY));
            addMonths(chunk, points, sums);
            if (points.stream().anyMatch(d -> d.getDayOfMonth() != 1)) {
                addDays(chunk, points, sums);
            }
        }
        Map<Cell, StatCounters[]> answer = new HashMap<>();
        sums.forEach((cell, perPoint) -> {
            StatCounters[] counters = new StatCounters[perPoint.length];
            for (int i = 0; i < perPoint.length; i++) {
                counters[i] = toCounters(perPoint[i]);
            }
            answer.put(cell, counters);
        });
        return answer;
    }

    private void addMonths(List<String> units, List<LocalDate> points, Map<Cell, long[][]> sums) {
        int lastMonth = points.stream().mapToInt(ResolvedPeriod::monthKey).max().orElseThrow();
        StringBuilder sql = new StringBuilder("SELECT unit_code, field_code");
        for (int i = 0; i < points.size(); i++) {
            for (String column : COLUMNS) {
                sql.append(", SUM(CASE WHEN month < ? THEN ").append(column).append(" ELSE 0 END)");
            }
        }
        sql.append(" FROM stat_month WHERE unit_code IN (")
                .append(placeholders(units.size()))
                .append(") AND month < ? GROUP BY unit_code, field_code");
        jdbc.prepareStatement(sql.toString(), ps -> {
            int p = 1;
            for (LocalDate point : points) {
                int month = ResolvedPeriod.monthKey(point);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    ps.setInt(p++, month);
                }
            }
            for (String unit : units) {
                ps.setString(p++, unit);
            }
            ps.setInt(p, lastMonth);
            read(ps, points.size(), sums);
            return null;
        });
    }

    private void addDays(List<String> units, List<LocalDate> points, Map<Cell, long[][]> sums) {
        StringBuilder sql = new StringBuilder("SELECT unit_code, field_code");
        for (int i = 0; i < points.size(); i++) {
            for (String column : COLUMNS) {
                sql.append(", SUM(CASE WHEN day >= ? AND day < ? THEN ")
                        .append(column)
                        .append(" ELSE 0 END)");
            }
        }
        sql.append(" FROM stat_day WHERE unit_code IN (").append(placeholders(units.size())).append(") AND (");
        List<LocalDate> partial =
                points.stream().filter(d -> d.getDayOfMonth() != 1).distinct().toList();
        for (int i = 0; i < partial.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(day >= ? AND day < ?)");
        }
        sql.append(") GROUP BY unit_code, field_code");
        jdbc.prepareStatement(sql.toString(), ps -> {
            int p = 1;
            for (LocalDate point : points) {
                // [first of the month, point): empty for a point on the first, whose prefix is months only
                LocalDate first = point.withDayOfMonth(1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    ps.setObject(p++, first);
                    ps.setObject(p++, point);
                }
            }
            for (String unit : units) {
                ps.setString(p++, unit);
            }
            for (LocalDate point : partial) {
                ps.setObject(p++, point.withDayOfMonth(1));
                ps.setObject(p++, point);
            }
            read(ps, points.size(), sums);
            return null;
        });
    }

    private static void read(PreparedStatement ps, int pointCount, Map<Cell, long[][]> sums) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[][] cell = sums.computeIfAbsent(
                        new Cell(rs.getString(1), rs.getString(2)), k -> new long[pointCount][COLUMNS.size()]);
                int col = 3;
                for (int i = 0; i < pointCount; i++) {
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        cell[i][c] = Math.addExact(cell[i][c], rs.getLong(col++));
                    }
                }
            }
        }
    }

    private static StatCounters toCounters(long[] v) {
        return new StatCounters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
