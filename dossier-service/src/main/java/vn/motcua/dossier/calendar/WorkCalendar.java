package vn.motcua.dossier.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.motcua.dossier.common.VietnamTime;

/**
 * Working time of one administrative unit: a weekly schedule corrected by holiday and make-up
 * rows. Immutable. Every computation happens in Vietnam local time; callers pass and receive
 * UTC instants so persistence and APIs never deal with offsets.
 */
public final class WorkCalendar {

    /** Fixed because all units are in Vietnam and legal deadlines are expressed in local time. */
    public static final ZoneId ZONE = VietnamTime.ZONE;

    private final WeeklySchedule schedule;
    private final Map<LocalDate, DayOverride> overrides;

    public WorkCalendar(WeeklySchedule schedule, Collection<DayOverride> overrides) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        Map<LocalDate, DayOverride> byDate = new HashMap<>();
        for (DayOverride row : Objects.requireNonNull(overrides, "overrides")) {
            DayOverride previous = byDate.put(row.date(), row);
            // Two rows for one date mean the admin table is inconsistent; guessing which one
            // wins would silently move deadlines.
            if (previous != null) {
                throw new IllegalArgumentException("Two calendar exceptions for " + row.date() + ": '" + previous.name()
                        + "' and '" + row.name() + "'");
            }
        }
        this.overrides = Map.copyOf(byDate);
    }

    public static WorkCalendar standard(Collection<DayOverride> overrides) {
        return new WorkCalendar(WeeklySchedule.standard(), overrides);
    }

    public WeeklySchedule schedule() {
        return schedule;
    }

    public boolean isWorkingDay(LocalDate date) {
        return !sessions(date).isEmpty();
    }

    /** Sessions worked on that date, ordered by start; empty on a day off. */
    public List<Session> sessions(LocalDate date) {
        DayOverride row = overrides.get(date);
        if (row == null) {
            return schedule.sessionsOf(date.getDayOfWeek());
        }
        return switch (row.kind()) {
            case HOLIDAY -> List.of();
            case MAKEUP_WORKDAY -> schedule.makeUpDaySessions();
        };
    }

    /**
     * The given moment if it lies inside a session, otherwise the start of the next session.
     * A session end is not a working moment: work received at 11:30 starts at 13:30.
     */
    public Instant nextWorkingMoment(Instant moment) {
        for (LocalDate day = localDate(moment); ; day = day.plusDays(1)) {
            for (Session session : sessions(day)) {
                Instant end = at(day, session.end());
                if (moment.isBefore(end)) {
                    return max(moment, at(day, session.start()));
                }
            }
        }
    }

    public ZonedDateTime nextWorkingMoment(ZonedDateTime moment) {
        return nextWorkingMoment(moment.toInstant()).atZone(ZONE);
    }

    public Instant addWorkingMinutes(Instant start, long minutes) {
        return addWorkingTime(start, Duration.ofMinutes(minutes));
    }

    /**
     * Walks the sessions from {@code start} until {@code amount} of working time is consumed.
     * When the walk uses up the amount exactly at a session end, that end is returned rather
     * than the next session start: the work is done when the office closes, not when it reopens.
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Cannot add negative working time: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        for (LocalDate day = localDate(start); ; day = day.plusDays(1)) {
            for (Session session : sessions(day)) {
                Instant end = at(day, session.end());
                if (!end.isAfter(start)) {
                    continue;
                }
                Instant from = max(start, at(day, session.start()));
                Duration available = Duration.between(from, end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /** Whole working minutes between two moments, truncated; negative when {@code to} is before {@code from}. */
    public long workingMinutesBetween(Instant from, Instant to) {
        return workingTimeBetween(from, to).toMinutes();
    }

    /** Exact working time between two moments; negative when {@code to} is before {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (Session session : sessions(day)) {
                Instant start = max(from, at(day, session.start()));
                Instant end = min(to, at(day, session.end()));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** End of the last session of the first working day strictly after {@code date}. */
    public Instant endOfNextWorkingDay(LocalDate date) {
        return endOfWorkingDayOnOrAfter(date.plusDays(1));
    }

    /** End of the last session of {@code date} if it is worked, else of the next working day. */
    public Instant endOfWorkingDayOnOrAfter(LocalDate date) {
        for (LocalDate day = date; ; day = day.plusDays(1)) {
            List<Session> sessions = sessions(day);
            if (!sessions.isEmpty()) {
                return at(day, sessions.get(sessions.size() - 1).end());
            }
        }
    }

    /**
     * Start of the latest session that starts strictly before {@code moment}. For a moment inside
     * a session or exactly at its end this is that session's start; for a non-working moment it
     * is the start of the last session before it, because no working time separates the two.
     */
    public Instant startOfSessionCovering(Instant moment) {
        for (LocalDate day = localDate(moment); ; day = day.minusDays(1)) {
            List<Session> sessions = sessions(day);
            for (int i = sessions.size() - 1; i >= 0; i--) {
                Instant start = at(day, sessions.get(i).start());
                if (start.isBefore(moment)) {
                    return start;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + schedule + ", overrides=" + new TreeMap<>(overrides).values() + "]";
    }

    public static LocalDate localDate(Instant moment) {
        return VietnamTime.localDate(moment);
    }

    /** The wall-clock time of {@code moment} in Vietnam. */
    public static LocalTime localTime(Instant moment) {
        return moment.atZone(ZONE).toLocalTime();
    }

    static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
