package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DeadlineCalculatorPropertiesTest extends RandomCalendars {

    @Property
    void workingUnitDueIsInsideASessionOrAtItsEnd(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("policies") DeadlinePolicy policy,
            @ForAll("moments") Instant received,
            @ForAll("workingLimits") TimeLimit limit) {
        Instant due = new DeadlineCalculator(calendar, policy).dueAt(received, limit);
        WorkCalendarPropertiesTest.assertWithinSession(calendar, due);
        assertTrue(due.isAfter(received));
    }

    @Property
    void calendarUnitDueIsTheCloseOfAWorkingDay(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant received,
            @ForAll @LongRange(min = 1, max = 90) long amount,
            @ForAll boolean months) {
        TimeLimit limit = months ? TimeLimit.months(Math.min(amount, 12)) : TimeLimit.calendarDays(amount);
        Instant due = new DeadlineCalculator(calendar).dueAt(received, limit);
        LocalDate day = WorkCalendar.localDate(due);
        List<Session> sessions = calendar.sessions(day);
        assertFalse(sessions.isEmpty());
        assertEquals(WorkCalendar.at(day, sessions.get(sessions.size() - 1).end()), due);
        assertTrue(day.isAfter(WorkCalendar.localDate(received)), "the reception day is never counted");
    }

    @Property
    void dueIsMonotonicInReceptionMoment(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("policies") DeadlinePolicy policy,
            @ForAll("moments") Instant a,
            @ForAll("moments") Instant b,
            @ForAll("limits") TimeLimit limit) {
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        DeadlineCalculator calculator = new DeadlineCalculator(calendar, policy);
        assertFalse(calculator.dueAt(earlier, limit).isAfter(calculator.dueAt(later, limit)));
    }

    @Property
    void dueIsMonotonicInAmountAndStrictlySoForWorkingUnits(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("policies") DeadlinePolicy policy,
            @ForAll("moments") Instant received,
            @ForAll("limits") TimeLimit limit) {
        Assume.that(limit.amount() < limit.unit().maxAmount());
        DeadlineCalculator calculator = new DeadlineCalculator(calendar, policy);
        Instant due = calculator.dueAt(received, limit);
        Instant dueOfLonger = calculator.dueAt(received, new TimeLimit(limit.amount() + 1, limit.unit()));
        if (isWorkingUnit(limit.unit())) {
            assertTrue(due.isBefore(dueOfLonger));
        } else {
            assertFalse(due.isAfter(dueOfLonger));
        }
    }

    @Property
    void hoursModeDueIsExactlyTheLimitInWorkingTimeFromNormalisedReception(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant received,
            @ForAll("workingLimits") TimeLimit limit) {
        Instant due = new DeadlineCalculator(calendar).dueAt(received, limit);
        long expectedMinutes = limit.unit() == TimeLimitUnit.WORKING_DAYS ? limit.amount() * 480 : limit.amount() * 60;
        Instant normalised = calendar.nextWorkingMoment(received);
        assertEquals(expectedMinutes, calendar.workingMinutesBetween(normalised, due));
        assertEquals(Duration.ofMinutes(expectedMinutes), calendar.workingTimeBetween(received, due));
    }

    @Property
    void endOfDayModeDueIsTheCloseOfTheNthWorkingDayAfterReceptionDay(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant received,
            @ForAll @IntRange(min = 1, max = 40) int days) {
        DeadlineCalculator calculator =
                new DeadlineCalculator(calendar, DeadlinePolicy.DEFAULT.withWorkingDayMode(WorkingDayMode.END_OF_DAY));
        Instant due = calculator.dueAt(received, TimeLimit.workingDays(days));
        LocalDate dueDay = WorkCalendar.localDate(due);
        long workingDaysCounted = WorkCalendar.localDate(received)
                .plusDays(1)
                .datesUntil(dueDay.plusDays(1))
                .filter(calendar::isWorkingDay)
                .count();
        assertEquals(days, workingDaysCounted);
        assertEquals(calendar.endOfWorkingDayOnOrAfter(dueDay), due);
    }

    @Property
    void lateExactlyWhenFinishedAfterDueAndClassificationNeverGoesBackwards(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("policies") DeadlinePolicy policy,
            @ForAll("moments") Instant due,
            @ForAll("moments") Instant a,
            @ForAll("moments") Instant b) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar, policy);
        assertEquals(a.isAfter(due), calculator.classify(a, due) == Classification.LATE);
        assertEquals(Classification.ON_TIME, calculator.classify(due, due));
        Instant earlier = a.isBefore(b) ? a : b;
        Instant later = a.isBefore(b) ? b : a;
        assertTrue(calculator.classify(earlier, due).compareTo(calculator.classify(later, due)) <= 0);
    }

    @Property
    void sessionRuleOnTimeWindowStartsExactlyAtTheDueSessionStart(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant received,
            @ForAll("workingLimits") TimeLimit limit) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        Instant due = calculator.dueAt(received, limit);
        Instant sessionStart = calendar.startOfSessionCovering(due);
        assertTrue(sessionStart.isBefore(due));
        assertEquals(localDateOf(due), localDateOf(sessionStart), "due session lies on the due date");
        assertEquals(Classification.ON_TIME, calculator.classify(sessionStart, due));
        assertEquals(Classification.EARLY, calculator.classify(sessionStart.minusSeconds(1), due));
        assertEquals(Classification.LATE, calculator.classify(due.plusSeconds(1), due));
    }

    @Property
    void freshDossierStateAndApologyFollowTheLimitLength(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant received,
            @ForAll @IntRange(min = 1, max = 20) int days) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        Instant due = calculator.dueAt(received, TimeLimit.workingDays(days));
        Instant start = calendar.nextWorkingMoment(received);
        assertEquals(days == 1 ? DeadlineState.NEAR_DUE : DeadlineState.IN_TIME, calculator.stateAt(start, due));
        if (days >= 2) {
            // the due date is at least one working day after the first working moment (ND61 Art 19(9), ADR 0004)
            assertTrue(calculator.canApologise(start, due));
        }
        assertEquals(DeadlineState.NEAR_DUE, calculator.stateAt(due, due));
        assertFalse(calculator.canApologise(due, due));
        assertEquals(DeadlineState.OVERDUE, calculator.stateAt(due.plusSeconds(1), due));
    }

    @Property
    void restartingAfterSupplementIsNeverEarlierThanAddingThePauseBack(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant received,
            @ForAll("workingLimits") TimeLimit limit,
            @ForAll @LongRange(min = 0, max = 100_000) long requestAfterMinutes,
            @ForAll @LongRange(min = 0, max = 100_000) long waitMinutes) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar);
        Instant due = calculator.dueAt(received, limit);
        Instant requested = received.plusSeconds(60 * requestAfterMinutes);
        Assume.that(requested.isBefore(due));
        Instant completed = requested.plusSeconds(60 * waitMinutes);
        Instant paused = calculator.dueWithPausesSubtracted(due, List.of(new Pause(requested, completed)));
        assertFalse(paused.isAfter(calculator.dueAfterSupplement(completed, limit)));
        assertEquals(calendar.workingTimeBetween(requested, completed), calendar.workingTimeBetween(due, paused));
    }

    private static LocalDate localDateOf(Instant instant) {
        return WorkCalendar.localDate(instant);
    }
}
