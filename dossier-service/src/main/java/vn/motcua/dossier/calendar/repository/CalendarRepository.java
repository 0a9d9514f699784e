package vn.motcua.dossier.calendar.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.DayOverride;
import vn.motcua.dossier.calendar.DayOverrideKind;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;

/** The maintained holiday table: days off and make-up working days, nationwide (unit_code null) or per unit. */
@Singleton
public class CalendarRepository {

    private final JdbcOperations jdbc;

    public CalendarRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Nationwide rows, replaced by the unit's own row where both exist for a day. */
    @Transactional(readOnly = true)
    public List<DayOverride> overridesFor(String unitCode) {
        return jdbc.prepareStatement("SELECT day, kind, name, unit_code FROM calendar_day_override"
                + " WHERE unit_code IS NULL OR unit_code = ? ORDER BY day", ps -> {
            ps.setString(1, unitCode);
            Map<LocalDate, DayOverride> byDay = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DayOverride row = new DayOverride(rs.getDate("day").toLocalDate(),
                            DayOverrideKind.valueOf(rs.getString("kind")), rs.getString("name"));
                    if (rs.getString("unit_code") != null || !byDay.containsKey(row.date())) {
                        byDay.put(row.date(), row);
                    }
                }
            }
            return new ArrayList<>(byDay.values());
        });
    }
}
