package vn.motcua.dossier.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Working sessions per weekday for one administrative unit, plus the sessions worked on a
 * make-up day (ngày làm bù). Configurable per unit because some receive on Saturday morning.
 */
public final class WeeklySchedule {

    public static final Session MORNING = Session.of("07:00", "11:30");
    public static final Session AFTERNOON = Session.of("13:30", "17:00");
    public static final List<Session> STANDARD_DAY = List.of(MORNING, AFTERNOON);

    private final Map<DayOfWeek, List<Session>> days;
    private final List<Session> makeUpDaySessions;

    public WeeklySchedule(Map<DayOfWeek, List<Session>> days, List<Session> makeUpDaySessions) {
        Objects.requireNonNull(days, "days");
        EnumMap<DayOfWeek, List<Session>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            copy.put(day, normalise(days.getOrDefault(day, List.of())));
        }
        // Without at least one session a week, searching for the next working moment
        // would never terminate.
        if (copy.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("A weekly schedule needs at least one working session");
        }
        List<Session> makeUp = normalise(Objects.requireNonNull(makeUpDaySessions, "makeUpDaySessions"));
        if (makeUp.isEmpty()) {
            throw new IllegalArgumentException("A make-up working day needs at least one session");
        }
        this.days = copy;
        this.makeUpDaySessions = makeUp;
    }

    /** Decision 188/1999: Monday to Friday, 07:00–11:30 and 13:30–17:00 (8 hours a day). */
    public static WeeklySchedule standard() {
        EnumMap<DayOfWeek, List<Session>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, STANDARD_DAY);
            }
        }
        return new WeeklySchedule(days, STANDARD_DAY);
    }

    /** Returns a copy with the given day's sessions replaced, e.g. a Saturday-morning reception. */
    public WeeklySchedule withDay(DayOfWeek day, List<Session> sessions) {
        EnumMap<DayOfWeek, List<Session>> copy = new EnumMap<>(days);
        copy.put(Objects.requireNonNull(day, "day"), sessions);
        return new WeeklySchedule(copy, makeUpDaySessions);
    }

    public List<Session> sessionsOf(DayOfWeek day) {
        return days.get(day);
    }

    public List<Session> makeUpDaySessions() {
        return makeUpDaySessions;
    }

    private static List<Session> normalise(List<Session> sessions) {
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(Session::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException(
                        "Overlapping sessions: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklySchedule other
                && days.equals(other.days)
                && makeUpDaySessions.equals(other.makeUpDaySessions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, makeUpDaySessions);
    }

    @Override
    public String toString() {
        return "WeeklySchedule" + days + " makeUp=" + makeUpDaySessions;
    }
}
