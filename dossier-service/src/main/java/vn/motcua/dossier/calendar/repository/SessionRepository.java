package vn.motcua.dossier.calendar.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.dossier.calendar.Session;

/** A unit's own weekly sessions (table unit_work_session); weekday MONDAY..SUNDAY or MAKEUP. */
@Singleton
public class SessionRepository {

    public static final String MAKEUP = "MAKEUP";

    private final JdbcOperations jdbc;

    public SessionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String weekday, Session session) {}

    /** The own rows of each of these units that has any, by unit code, in one query. */
    @Transactional(readOnly = true)
    public Map<String, List<Row>> ofUnits(List<String> unitCodes) {
        Map<String, List<Row>> byUnit = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return byUnit;
        }
        String marks = String.join(", ", Collections.nCopies(unitCodes.size(), "?"));
        return jdbc.prepareStatement(
                "SELECT unit_code, weekday, starts_at, ends_at FROM unit_work_session" + " WHERE unit_code IN (" + marks
                        + ") ORDER BY unit_code, weekday, starts_at",
                ps -> {
                    for (int i = 0; i < unitCodes.size(); i++) {
                        ps.setString(i + 1, unitCodes.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byUnit.computeIfAbsent(rs.getString("unit_code"), u -> new ArrayList<>())
                                    .add(new Row(
                                            rs.getString("weekday"),
                                            new Session(
                                                    rs.getTime("starts_at").toLocalTime(),
                                                    rs.getTime("ends_at").toLocalTime())));
                        }
                    }
                    return byUnit;
                });
    }

    /** Replaces the unit's rows; call inside a transaction. */
    public void replace(String unitCode, List<Row> rows) {
        jdbc.prepareStatement("DELETE FROM unit_work_session WHERE unit_code = ?", ps -> {
            ps.setString(1, unitCode);
            return ps.executeUpdate();
        });
        for (Row row : rows) {
            jdbc.prepareStatement(
                    "INSERT INTO unit_work_session (unit_code, weekday, starts_at, ends_at)" + " VALUES (?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, unitCode);
                        ps.setString(2, row.weekday());
                        ps.setTime(3, Time.valueOf(row.session().start()));
                        ps.setTime(4, Time.valueOf(row.session().end()));
                        return ps.executeUpdate();
                    });
        }
    }
}
