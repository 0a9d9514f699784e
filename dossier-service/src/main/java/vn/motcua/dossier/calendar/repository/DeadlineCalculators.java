package vn.motcua.dossier.calendar.repository;

import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.DeadlinePolicy;
import vn.motcua.dossier.calendar.Session;
import vn.motcua.dossier.calendar.WeeklySchedule;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.unit.UnitDirectory;

/**
 * Builds the deadline calculator of a unit from the maintained holiday table (nationwide rows and those of the unit
 * and its ancestors) and the weekly sessions of the unit or its nearest ancestor that has its own. Read from the
 * database on every call, never cached, so an administrator's change applies to the next deadline computed.
 */
@Singleton
public class DeadlineCalculators {

    private final CalendarRepository calendars;
    private final SessionRepository sessions;
    private final UnitDirectory units;
    private final DeadlinePolicy policy;

    /** @param policy the deployment's choices (motcua.dossier.deadline.*), the same for every unit */
    public DeadlineCalculators(
            CalendarRepository calendars, SessionRepository sessions, UnitDirectory units, DeadlinePolicy policy) {
        this.calendars = calendars;
        this.sessions = sessions;
        this.units = units;
        this.policy = policy;
    }

    public DeadlineCalculator forUnit(String unitCode) {
        List<String> path = units.tree().path(unitCode);
        return new DeadlineCalculator(
                new WorkCalendar(
                        scheduleOf(path).schedule(), calendars.overridesFor(path.isEmpty() ? List.of(unitCode) : path)),
                policy);
    }

    /** The weekly schedule in force at a unit and the unit that defines it (null: the national standard). */
    public record ResolvedSchedule(WeeklySchedule schedule, String definedAt) {}

    public ResolvedSchedule scheduleOf(String unitCode) {
        return scheduleOf(units.tree().path(unitCode));
    }

    private ResolvedSchedule scheduleOf(List<String> path) {
        // one query for the whole path (this runs on every transition), then the nearest unit with its own rows
        Map<String, List<SessionRepository.Row>> own = sessions.ofUnits(path);
        for (int i = path.size() - 1; i >= 0; i--) {
            List<SessionRepository.Row> rows = own.get(path.get(i));
            if (rows != null) {
                return new ResolvedSchedule(schedule(rows), path.get(i));
            }
        }
        return new ResolvedSchedule(WeeklySchedule.standard(), null);
    }

    /** Rows as stored (validated when written) to a schedule. */
    public static WeeklySchedule schedule(List<SessionRepository.Row> rows) {
        Map<DayOfWeek, List<Session>> days = new EnumMap<>(DayOfWeek.class);
        List<Session> makeUp = new ArrayList<>();
        for (SessionRepository.Row row : rows) {
            if (SessionRepository.MAKEUP.equals(row.weekday())) {
                makeUp.add(row.session());
            } else {
                days.computeIfAbsent(DayOfWeek.valueOf(row.weekday()), d -> new ArrayList<>())
                        .add(row.session());
            }
        }
        return new WeeklySchedule(days, makeUp);
    }
}
