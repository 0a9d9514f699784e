package vn.motcua.report.task.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.report.task.domain.WorkCalendar;

/**
 * Reads task_calendar_day (projected from dossier-service's calendar.* events) into each unit's {@link WorkCalendar}:
 * the nationwide entries (scope '') and those of the unit and its ancestors.
 */
@Singleton
public class CalendarRepository {

    private final JdbcOperations jdbc;

    public CalendarRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public WorkCalendar calendarOf(String unit) {
        return calendarsOf(Set.of(unit)).get(unit);
    }

    /** One calendar per unit asked for. The table is small (a few dozen days a year): it is read whole. */
    @Transactional
    public Map<String, WorkCalendar> calendarsOf(Set<String> units) {
        record Entry(String scope, LocalDate day, String kind) {}
        List<Entry> entries = jdbc.prepareStatement("SELECT scope, day, kind FROM task_calendar_day", ps -> {
            List<Entry> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Entry(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)));
                }
            }
            return found;
        });
        Map<String, WorkCalendar> calendars = new HashMap<>();
        for (String unit : units) {
            Set<String> scopes = new HashSet<>(ancestorsOf(unit));
            scopes.add(unit);
            scopes.add("");
            Set<LocalDate> off = new HashSet<>();
            Set<LocalDate> makeup = new HashSet<>();
            for (Entry e : entries) {
                if (!scopes.contains(e.scope())) {
                    continue;
                }
                if ("MAKEUP_WORKDAY".equals(e.kind())) {
                    makeup.add(e.day());
                } else if ("DAY_OFF".equals(e.kind())) {
                    off.add(e.day());
                }
            }
            calendars.put(unit, new WorkCalendar(off, makeup));
        }
        return calendars;
    }

    private Set<String> ancestorsOf(String unit) {
        return jdbc.prepareStatement("SELECT ancestor_code FROM unit_ancestor WHERE unit_code = ?", ps -> {
            ps.setString(1, unit);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }
}
