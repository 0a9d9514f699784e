package vn.motcua.dossier.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Generators shared by the property tests: calendars with random session layouts, holidays and
 * make-up days, and instants biased towards session boundaries where off-by-one bugs live.
 */
abstract class RandomCalendars {

    static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-01");
    static final int DAYS = 730;

    private static final List<LocalTime> EDGES = List.of(
            LocalTime.parse("00:00"),
            LocalTime.parse("06:59:59"),
            LocalTime.parse("07:00"),
            LocalTime.parse("07:30"),
            LocalTime.parse("08:00"),
            LocalTime.parse("11:30"),
            LocalTime.parse("12:00"),
            LocalTime.parse("13:00"),
            LocalTime.parse("13:30"),
            LocalTime.parse("16:30"),
            LocalTime.parse("17:00"),
            LocalTime.parse("17:00:01"),
            LocalTime.parse("23:59:59"));

    @Provide
    Arbitrary<WorkCalendar> calendars() {
        Arbitrary<WeeklySchedule> schedules = Arbitraries.of(
                WeeklySchedule.standard(),
                WeeklySchedule.standard().withDay(DayOfWeek.SATURDAY, List.of(Session.of("07:00", "11:30"))),
                weekdays(List.of(Session.of("08:00", "12:00"), Session.of("13:00", "17:00"))),
                weekdays(List.of(Session.of("07:30", "16:30"))),
                weekdays(List.of(Session.of("07:00", "11:30"), Session.of("11:30", "15:00"))),
                weekdays(List.of(
                                Session.of("07:00", "09:00"),
                                Session.of("09:30", "11:30"),
                                Session.of("13:30", "17:00")))
                        .withDay(DayOfWeek.SATURDAY, List.of(Session.of("08:00", "10:00"))));
        Arbitrary<Map<Integer, DayOverrideKind>> overrides = Arbitraries.maps(
                        Arbitraries.integers().between(0, DAYS - 1),
                        Arbitraries.frequencyOf(
                                Tuple.of(6, Arbitraries.just(DayOverrideKind.HOLIDAY)),
                                Tuple.of(1, Arbitraries.just(DayOverrideKind.MAKEUP_WORKDAY))))
                .ofMaxSize(60);
        return Combinators.combine(schedules, overrides).as((schedule, rows) -> {
            List<DayOverride> list = new ArrayList<>();
            rows.forEach(
                    (offset, kind) -> list.add(new DayOverride(FIRST_DAY.plusDays(offset), kind, "random " + kind)));
            return new WorkCalendar(schedule, list);
        });
    }

    @Provide
    Arbitrary<Instant> moments() {
        Arbitrary<Instant> anySecond = Arbitraries.longs()
                .between(epochSecond(FIRST_DAY), epochSecond(FIRST_DAY.plusDays(DAYS - 60)))
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> nearAnEdge = Combinators.combine(
                        Arbitraries.integers().between(0, DAYS - 60),
                        Arbitraries.of(EDGES),
                        Arbitraries.integers().between(-1, 1))
                .as((day, time, nudge) ->
                        WorkCalendar.at(FIRST_DAY.plusDays(day), time).plusSeconds(nudge));
        return Arbitraries.oneOf(anySecond, nearAnEdge);
    }

    @Provide
    Arbitrary<DeadlinePolicy> policies() {
        return Combinators.combine(Arbitraries.of(WorkingDayMode.class), Arbitraries.of(ClassificationRule.class))
                .as((mode, rule) -> new DeadlinePolicy(mode, 480, rule));
    }

    @Provide
    Arbitrary<TimeLimit> limits() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 40).map(TimeLimit::workingDays),
                Arbitraries.longs().between(1, 200).map(TimeLimit::workingHours),
                Arbitraries.longs().between(1, 90).map(TimeLimit::calendarDays),
                Arbitraries.longs().between(1, 12).map(TimeLimit::months));
    }

    @Provide
    Arbitrary<TimeLimit> workingLimits() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 40).map(TimeLimit::workingDays),
                Arbitraries.longs().between(1, 200).map(TimeLimit::workingHours));
    }

    static boolean isWorkingUnit(TimeLimitUnit unit) {
        return unit == TimeLimitUnit.WORKING_DAYS || unit == TimeLimitUnit.WORKING_HOURS;
    }

    private static WeeklySchedule weekdays(List<Session> sessions) {
        Map<DayOfWeek, List<Session>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, sessions);
            }
        }
        return new WeeklySchedule(days, WeeklySchedule.STANDARD_DAY);
    }

    private static long epochSecond(LocalDate day) {
        return WorkCalendar.at(day, LocalTime.MIDNIGHT).getEpochSecond();
    }
}
