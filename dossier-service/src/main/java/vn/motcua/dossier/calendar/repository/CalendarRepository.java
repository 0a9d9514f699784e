package vn.motcua.dossier.calendar.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.dossier.calendar.DayOverride;
import vn.motcua.dossier.calendar.DayOverrideKind;
import vn.motcua.platform.idempotency.IdempotencyRepository;

/**
 * The maintained holiday table: days off and make-up working days, nationwide (unit_code null) or for a unit and
 * every unit below it. Nothing is cached: a change applies to the next deadline computed.
 */
@Singleton
public class CalendarRepository {

    private final JdbcOperations jdbc;

    public CalendarRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry with its scope; unitCode null means nationwide. */
    public record Entry(DayOverride day, String unitCode) {}

    /** Nationwide rows, replaced by a unit's row where both exist for a day. */
    @Transactional(readOnly = true)
    public List<DayOverride> overridesFor(String unitCode) {
        return overridesFor(unitCode == null ? List.of() : List.of(unitCode));
    }

    /**
     * The rows that apply at the last unit of {@code path} (root first): nationwide ones, replaced for a day by the
     * row of the nearest unit on the path that has one.
     */
    @Transactional(readOnly = true)
    public List<DayOverride> overridesFor(List<String> path) {
        Map<String, Integer> depth = new HashMap<>();
        for (int i = 0; i < path.size(); i++) {
            depth.put(path.get(i), i);
        }
        List<Entry> rows = select(
                "unit_code IS NULL" + (path.isEmpty() ? "" : " OR unit_code IN (" + marks(path.size()) + ")"),
                ps -> bind(ps, 1, path));
        Map<LocalDate, Entry> byDay = new LinkedHashMap<>();
        for (Entry row : rows) {
            byDay.merge(row.day().date(), row, (a, b) -> depthOf(depth, b) > depthOf(depth, a) ? b : a);
        }
        return byDay.values().stream().map(Entry::day).toList();
    }

    /** Entries of the given scopes (null for nationwide) in a date range, by date. */
    @Transactional(readOnly = true)
    public List<Entry> list(Collection<String> unitCodes, boolean nationwide, LocalDate from, LocalDate to) {
        List<String> units = List.copyOf(unitCodes);
        String scope = (nationwide ? "unit_code IS NULL" : "1 = 0")
                + (units.isEmpty() ? "" : " OR unit_code IN (" + marks(units.size()) + ")");
        return select("(" + scope + ") AND day BETWEEN ? AND ?", ps -> {
            int next = bind(ps, 1, units);
            ps.setDate(next, Date.valueOf(from));
            ps.setDate(next + 1, Date.valueOf(to));
            return next + 2;
        });
    }

    /** Entries on one date whose scope is nationwide or one of the units. */
    public List<Entry> onDay(LocalDate day, Collection<String> unitCodes) {
        List<String> units = List.copyOf(unitCodes);
        return select(
                "day = ? AND (unit_code IS NULL"
                        + (units.isEmpty() ? "" : " OR unit_code IN (" + marks(units.size()) + ")") + ")",
                ps -> {
                    ps.setDate(1, Date.valueOf(day));
                    return bind(ps, 2, units);
                });
    }

    public Optional<Entry> find(LocalDate day, String unitCode) {
        return select("day = ? AND " + (unitCode == null ? "unit_code IS NULL" : "unit_code = ?"), ps -> {
                    ps.setDate(1, Date.valueOf(day));
                    if (unitCode != null) {
                        ps.setString(2, unitCode);
                    }
                    return 0;
                })
                .stream()
                .findFirst();
    }

    /**
     * Adds the entry unless its day is already in the table for the same scope (nationwide or the unit): the unique
     * index {@code ux_calendar_day_scope} (migration V13) decides, so two concurrent adds never both land.
     *
     * @return false when the day was taken for that scope (the statement did nothing; the transaction goes on)
     */
    public boolean insert(Entry entry) {
        try {
            return jdbc.prepareStatement(
                    "INSERT INTO calendar_day_override (unit_code, day, kind, name) VALUES (?, ?, ?, ?)", ps -> {
                        ps.setString(1, entry.unitCode());
                        ps.setDate(2, Date.valueOf(entry.day().date()));
                        ps.setString(3, entry.day().kind().name());
                        ps.setString(4, entry.day().name());
                        return ps.executeUpdate() == 1;
                    });
        } catch (RuntimeException e) {
            if (IdempotencyRepository.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public boolean delete(LocalDate day, String unitCode) {
        return jdbc.prepareStatement(
                "DELETE FROM calendar_day_override WHERE day = ? AND "
                        + (unitCode == null ? "unit_code IS NULL" : "unit_code = ?"),
                ps -> {
                    ps.setDate(1, Date.valueOf(day));
                    if (unitCode != null) {
                        ps.setString(2, unitCode);
                    }
                    return ps.executeUpdate() > 0;
                });
    }

    private interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    private List<Entry> select(String where, Binder binder) {
        return jdbc.prepareStatement(
                "SELECT day, kind, name, unit_code FROM calendar_day_override WHERE " + where
                        + " ORDER BY day, unit_code",
                ps -> {
                    binder.bind(ps);
                    List<Entry> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Entry(
                                    new DayOverride(
                                            rs.getDate("day").toLocalDate(),
                                            DayOverrideKind.valueOf(rs.getString("kind")),
                                            rs.getString("name")),
                                    rs.getString("unit_code")));
                        }
                    }
                    return rows;
                });
    }

    private static int depthOf(Map<String, Integer> depth, Entry e) {
        return e.unitCode() == null ? -1 : depth.getOrDefault(e.unitCode(), -1);
    }

    private static int bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(first + i, values.get(i));
        }
        return first + values.size();
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
