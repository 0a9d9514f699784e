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
import java.util.stream.Stream;
import vn.motcua.report.ii06a.domain.StatCounters;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * Reads the II.06a counters (stat_month, stat_day; V2) as prefix sums: the sum of every counter row before the start
 * of a local day, per statistics unit and field. Never touches dossier_fact, so a report costs the same for 10 M
 * dossiers as for 10 (it grows with units x fields x months instead).
 * <p>
 * A prefix before day D is every month before D's month (stat_month) plus D's month's days before D (stat_day). The
 * points a report needs cut the months (and the partial months' days) into buckets; one grouped query per table sums
 * each (unit, field, bucket) once, and the prefixes are added up from the buckets here. A point on the first of a
 * month needs no day rows, so a calendar period never reads stat_day at all.
 * <p>
 * Indexes: stat_month's key (unit_code, field_code, month) serves the month query (every month of the units before
 * the last point). The day query wants the days of a few partial months of a set of units; V2's key (unit_code,
 * field_code, day) cannot seek on day without the field, so it reads every day row of those units (see the report of
 * issue 13's ii06a branch: a key (unit_code, day, field_code) would make it a few short range scans).
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

    private static final String SUMS =
            String.join(", ", COLUMNS.stream().map(c -> "SUM(" + c + ")").toList());

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
        // month buckets: bucket k holds the months in [months[k-1], months[k]); a point in month months[j] takes
        // buckets 0..j
        List<Integer> months = points.stream()
                .map(ResolvedPeriod::monthKey)
                .distinct()
                .sorted()
                .toList();
        // day buckets: bucket k holds the days in [bounds[k], bounds[k+1]); a point takes the buckets from the first
        // of its month up to itself. Only points off the first of a month have any.
        List<LocalDate> bounds = points.stream()
                .filter(d -> d.getDayOfMonth() != 1)
                .flatMap(d -> Stream.of(d.withDayOfMonth(1), d))
                .distinct()
                .sorted()
                .toList();
        Map<Cell, long[][]> sums = new HashMap<>();
        List<String> all = List.copyOf(units);
        for (int from = 0; from < all.size(); from += UNITS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + UNITS_PER_QUERY));
            monthBuckets(chunk, months).forEach((cell, buckets) -> {
                long[][] prefixes = sums.computeIfAbsent(cell, k -> new long[points.size()][COLUMNS.size()]);
                for (int i = 0; i < points.size(); i++) {
                    int last = months.indexOf(ResolvedPeriod.monthKey(points.get(i)));
                    for (int k = 0; k <= last; k++) {
                        add(prefixes[i], buckets[k]);
                    }
                }
            });
            if (!bounds.isEmpty()) {
                dayBuckets(chunk, bounds, points).forEach((cell, buckets) -> {
                    long[][] prefixes = sums.computeIfAbsent(cell, k -> new long[points.size()][COLUMNS.size()]);
                    for (int i = 0; i < points.size(); i++) {
                        LocalDate point = points.get(i);
                        if (point.getDayOfMonth() == 1) {
                            continue;
                        }
                        for (int k = bounds.indexOf(point.withDayOfMonth(1)); k < bounds.indexOf(point); k++) {
                            add(prefixes[i], buckets[k]);
                        }
                    }
                });
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

    /** Per (unit, field): the counters summed per month bucket; bucket k = months in [months[k-1], months[k]). */
    private Map<Cell, long[][]> monthBuckets(List<String> units, List<Integer> months) {
        StringBuilder bucket = new StringBuilder("CASE");
        for (int k = 0; k < months.size(); k++) {
            bucket.append(" WHEN month < ? THEN ").append(k);
        }
        bucket.append(" END");
        String sql = "SELECT unit_code, field_code, " + bucket + " AS bucket, " + SUMS
                + " FROM stat_month WHERE unit_code IN (" + placeholders(units.size()) + ") AND month < ?"
                + " GROUP BY unit_code, field_code, bucket";
        return jdbc.prepareStatement(sql, ps -> {
            int p = 1;
            for (int month : months) {
                ps.setInt(p++, month);
            }
            for (String unit : units) {
                ps.setString(p++, unit);
            }
            ps.setInt(p, months.get(months.size() - 1));
            return read(ps, months.size());
        });
    }

    /**
     * Per (unit, field): the counters summed per day bucket, bucket k = days in [bounds[k], bounds[k+1]), reading only
     * the days of each point's month before it.
     */
    private Map<Cell, long[][]> dayBuckets(List<String> units, List<LocalDate> bounds, List<LocalDate> points) {
        List<LocalDate> partial =
                points.stream().filter(d -> d.getDayOfMonth() != 1).distinct().toList();
        StringBuilder bucket = new StringBuilder("CASE");
        for (int k = 1; k < bounds.size(); k++) {
            bucket.append(" WHEN day < ? THEN ").append(k - 1);
        }
        bucket.append(" END");
        StringBuilder sql = new StringBuilder("SELECT unit_code, field_code, ")
                .append(bucket)
                .append(" AS bucket, ")
                .append(SUMS)
                .append(" FROM stat_day WHERE unit_code IN (")
                .append(placeholders(units.size()))
                .append(") AND (");
        for (int i = 0; i < partial.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(day >= ? AND day < ?)");
        }
        sql.append(") GROUP BY unit_code, field_code, bucket");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int p = 1;
            for (int k = 1; k < bounds.size(); k++) {
                ps.setObject(p++, bounds.get(k));
            }
            for (String unit : units) {
                ps.setString(p++, unit);
            }
            for (LocalDate point : partial) {
                ps.setObject(p++, point.withDayOfMonth(1));
                ps.setObject(p++, point);
            }
            return read(ps, Math.max(1, bounds.size() - 1));
        });
    }

    private static Map<Cell, long[][]> read(PreparedStatement ps, int bucketCount) throws SQLException {
        Map<Cell, long[][]> cells = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[][] buckets = cells.computeIfAbsent(
                        new Cell(rs.getString(1), rs.getString(2)), k -> new long[bucketCount][COLUMNS.size()]);
                int bucket = rs.getInt(3);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    buckets[bucket][c] = Math.addExact(buckets[bucket][c], rs.getLong(4 + c));
                }
            }
        }
        return cells;
    }

    private static void add(long[] into, long[] values) {
        for (int c = 0; c < into.length; c++) {
            into[c] = Math.addExact(into[c], values[c]);
        }
    }

    private static StatCounters toCounters(long[] v) {
        return new StatCounters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
