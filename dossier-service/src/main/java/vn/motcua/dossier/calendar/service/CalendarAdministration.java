package vn.motcua.dossier.calendar.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.calendar.DayOverride;
import vn.motcua.dossier.calendar.DayOverrideKind;
import vn.motcua.dossier.calendar.Session;
import vn.motcua.dossier.calendar.WeeklySchedule;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.CalendarRepository;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.calendar.repository.SessionRepository;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.AdminInput;
import vn.motcua.dossier.unit.service.AdminAccess;
import vn.motcua.platform.audit.AuditedChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * The holiday table and weekly sessions, maintained by unit administrators. A change applies to deadlines computed
 * after it (DeadlineCalculators reads the tables on every call). Due dates already given are deliberately NOT
 * recomputed: the appointment printed on the receipt (Form 01) is what the citizen was promised, and the dossier's
 * history and Form 05 classify against it; a day off added later does not move a promise made before. Every change,
 * applied or refused, leaves an audit line here, where it is decided, whoever called (AuditedChanges).
 */
@Singleton
public class CalendarAdministration {

    static final String ADD = "AddCalendarDay";
    static final int NAME_MAX = 255;
    /** A listing covers at most this many days, so one request cannot read the whole table. */
    static final long MAX_LIST_DAYS = 3 * 366;

    private final TransactionOperations<Connection> tx;
    private final CalendarRepository calendar;
    private final SessionRepository sessions;
    private final DeadlineCalculators calculators;
    private final AdminAccess access;
    private final UnitDirectory units;
    private final CalendarEvents events;
    private final RequestIdempotency idempotency;
    private final Clock clock;
    private final AuditedChanges audit;

    public CalendarAdministration(
            TransactionOperations<Connection> tx,
            CalendarRepository calendar,
            SessionRepository sessions,
            DeadlineCalculators calculators,
            AdminAccess access,
            UnitDirectory units,
            CalendarEvents events,
            RequestIdempotency idempotency,
            Clock clock,
            AuditedChanges audit) {
        this.tx = tx;
        this.calendar = calendar;
        this.sessions = sessions;
        this.calculators = calculators;
        this.access = access;
        this.units = units;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
        this.audit = audit;
    }

    /** Entries that apply to the caller's unit (nationwide, its ancestors', its own) and those of units below it. */
    public List<CalendarRepository.Entry> list(Caller caller, String from, String to) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        LocalDate start = in.date("from", from, false);
        LocalDate end = in.date("to", to, false);
        in.refuseIfAny();
        int year = WorkCalendar.localDate(clock.instant()).getYear();
        start = start != null ? start : (end != null ? end.withDayOfYear(1) : LocalDate.of(year, 1, 1));
        end = end != null ? end : start.withMonth(12).withDayOfMonth(31);
        if (end.isBefore(start)) {
            throw DomainException.invalid("to", "is before from");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_LIST_DAYS) {
            throw DomainException.invalid("to", "a listing covers at most " + MAX_LIST_DAYS + " days");
        }
        UnitTree tree = units.tree();
        Set<String> scopes = new LinkedHashSet<>(tree.path(scope.unitCode()));
        scopes.addAll(scope.subtree());
        return calendar.list(scopes, true, start, end);
    }

    public CalendarRepository.Entry add(
            Caller caller, String requestId, String date, DayOverrideKind kind, String name, String unitCode) {
        return audit.run(caller, "HOLIDAY_ADD", date, () -> addDay(caller, requestId, date, kind, name, unitCode));
    }

    private CalendarRepository.Entry addDay(
            Caller caller, String requestId, String date, DayOverrideKind kind, String name, String unitCode) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        in.requestId(requestId);
        LocalDate day = in.date("day.date", date, true);
        if (kind == null) {
            in.add("day.kind", "is required (DAY_OFF or MAKEUP_WORKDAY)");
        }
        String label = in.label("day.name", name, NAME_MAX);
        String unit = in.unitCode("day.unit_code", unitCode, false);
        in.refuseIfAny();
        requireScope(scope, unit);
        Instant now = now();
        DayOverride entry = new DayOverride(day, kind, label);
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(
                    caller, ADD, requestId, RequestIdempotency.fingerprint(day, kind, label, unit), now);
            if (claim.isReplay()) {
                return calendar.find(day, unit).orElseThrow(() -> DomainException.notFound("calendar entry " + day));
            }
            List<String> applying = unit == null ? List.of() : units.tree().path(unit);
            for (CalendarRepository.Entry existing : calendar.onDay(day, applying)) {
                boolean sameScope = java.util.Objects.equals(existing.unitCode(), unit);
                if (existing.day().kind() != kind) {
                    throw new DomainException(
                            ErrorKind.FAILED_PRECONDITION,
                            ErrorReason.RULE_VIOLATED,
                            day
                                    + " is already in the table as "
                                    + existing.day().kind() + " ("
                                    + existing.day().name()
                                    + ", " + scopeName(existing.unitCode()) + "); remove it first",
                            Map.of("rule", "CALENDAR_DAY_CONFLICT"),
                            List.of());
                }
                if (sameScope) {
                    throw dayTaken(day, existing.day().name(), unit);
                }
            }
            CalendarRepository.Entry added = new CalendarRepository.Entry(entry, unit);
            if (!calendar.insert(added)) {
                // another administrator added the day between the look-up above and this insert (the unique index
                // decides): the same answer as when the look-up finds it; the claim is rolled back with the rest
                throw dayTaken(
                        day, calendar.find(day, unit).map(e -> e.day().name()).orElse(label), unit);
            }
            claim.complete(day + "|" + (unit == null ? "" : unit));
            events.dayAdded(added, scope.unitCode(), now);
            return added;
        });
    }

    public CalendarRepository.Entry remove(Caller caller, String date, String unitCode) {
        return audit.run(caller, "HOLIDAY_REMOVE", date, () -> removeDay(caller, date, unitCode));
    }

    private CalendarRepository.Entry removeDay(Caller caller, String date, String unitCode) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        LocalDate day = in.date("date", date, true);
        String unit = in.unitCode("unit_code", unitCode, false);
        in.refuseIfAny();
        requireScope(scope, unit);
        Instant now = now();
        return tx.executeWrite(status -> {
            CalendarRepository.Entry existing = calendar.find(day, unit)
                    .orElseThrow(
                            () -> DomainException.notFound("calendar entry " + day + " (" + scopeName(unit) + ")"));
            calendar.delete(day, unit);
            events.dayRemoved(existing, scope.unitCode(), now);
            return existing;
        });
    }

    public DeadlineCalculators.ResolvedSchedule sessions(Caller caller, String unitCode) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        String unit = in.unitCode("unit_code", unitCode, false);
        in.refuseIfAny();
        String target = unit == null ? scope.unitCode() : unit;
        scope.requireInside(target, "unit");
        return calculators.scheduleOf(target);
    }

    /** How many sessions a week, or a make-up working day, may have: far more than any office works. */
    static final int MAX_SESSIONS = 50;

    /** Replaces a unit's own sessions; none at all drops them, so the unit follows its parent again. */
    public DeadlineCalculators.ResolvedSchedule replaceSessions(
            Caller caller, String unitCode, List<SessionInput> typed) {
        return audit.run(caller, "UNIT_SESSIONS_REPLACE", unitCode, () -> replaceUnitSessions(caller, unitCode, typed));
    }

    private DeadlineCalculators.ResolvedSchedule replaceUnitSessions(
            Caller caller, String unitCode, List<SessionInput> typed) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        String unit = in.unitCode("unit_code", unitCode, true);
        List<SessionRepository.Row> rows = rows(in, typed);
        in.refuseIfAny();
        scope.requireInside(unit, "unit");
        Instant now = now();
        tx.executeWrite(status -> {
            sessions.replace(unit, rows);
            events.sessionsReplaced(unit, rows, scope.unitCode(), now);
            return null;
        });
        return calculators.scheduleOf(unit);
    }

    /**
     * Field checks, then the schedule as a whole: no overlap, a working session in the week, make-up sessions. Each
     * session is reported as the request lists it, make-up day sessions under make_up_day_sessions[j]; each list
     * holds at most {@link #MAX_SESSIONS}.
     */
    static List<SessionRepository.Row> rows(AdminInput in, List<SessionInput> typed) {
        List<SessionRepository.Row> rows = new ArrayList<>();
        long makeUp = typed.stream()
                .filter(s -> SessionRepository.MAKEUP.equals(s.weekday()))
                .count();
        if (typed.size() - makeUp > MAX_SESSIONS) {
            in.add("sessions", "at most " + MAX_SESSIONS + " sessions");
        }
        if (makeUp > MAX_SESSIONS) {
            in.add("make_up_day_sessions", "at most " + MAX_SESSIONS + " sessions");
        }
        if (!in.ok()) {
            return rows;
        }
        int weekly = 0;
        int makeUpIndex = 0;
        for (SessionInput s : typed) {
            String weekday = s.weekday();
            String field = SessionRepository.MAKEUP.equals(weekday)
                    ? "make_up_day_sessions[" + makeUpIndex++ + "]"
                    : "sessions[" + weekly++ + "]";
            if (weekday == null || !(SessionRepository.MAKEUP.equals(weekday) || isDay(weekday))) {
                in.add(field + ".weekday", "is required (MONDAY..SUNDAY)");
            }
            LocalTime start = in.time(field + ".start", s.start());
            LocalTime end = in.time(field + ".end", s.end());
            if (start != null && end != null && !start.isBefore(end)) {
                in.add(field + ".end", "must be after start " + start);
            } else if (start != null && end != null && weekday != null) {
                rows.add(new SessionRepository.Row(weekday, new Session(start, end)));
            }
        }
        if (!in.ok() || rows.isEmpty()) {
            return rows;
        }
        try {
            DeadlineCalculators.schedule(rows);
        } catch (IllegalArgumentException e) {
            in.add("sessions", describe(e.getMessage()));
        }
        return rows;
    }

    private static String describe(String message) {
        if (message.startsWith("Overlapping")) {
            return message.replace("Overlapping sessions", "sessions overlap");
        }
        if (message.contains("make-up")) {
            return "a make-up working day needs at least one session (weekday MAKEUP)";
        }
        return "the week needs at least one working session";
    }

    private static boolean isDay(String weekday) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(weekday)) {
                return true;
            }
        }
        return false;
    }

    private static void requireScope(AdminAccess.AdminScope scope, String unit) {
        if (unit == null) {
            scope.requireRoot("changing the nationwide holiday table");
        } else {
            scope.requireInside(unit, "unit");
        }
    }

    private static DomainException dayTaken(LocalDate day, String name, String unit) {
        return new DomainException(
                ErrorKind.ALREADY_EXISTS,
                ErrorReason.RULE_VIOLATED,
                day + " is already in the table (" + name + ", " + scopeName(unit) + ")",
                Map.of("rule", "CALENDAR_DAY_TAKEN"),
                List.of());
    }

    private static String scopeName(String unit) {
        return unit == null ? "nationwide" : "unit " + unit;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Schedules as the adapter shows them. */
    public static List<SessionRepository.Row> rowsOf(WeeklySchedule schedule) {
        List<SessionRepository.Row> rows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            schedule.sessionsOf(d).forEach(s -> rows.add(new SessionRepository.Row(d.name(), s)));
        }
        schedule.makeUpDaySessions().forEach(s -> rows.add(new SessionRepository.Row(SessionRepository.MAKEUP, s)));
        return rows;
    }
}
