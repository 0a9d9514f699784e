package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class WorkCalendarPropertiesTest extends RandomCalendars {

    @Property
    void addingWorkingMinutesThenMeasuringThemRoundTrips(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant start,
            @ForAll @LongRange(min = 0, max = 60_000) long minutes) {
        Instant end = calendar.addWorkingMinutes(start, minutes);
        assertEquals(Duration.ofMinutes(minutes), calendar.workingTimeBetween(start, end));
        assertEquals(minutes, calendar.workingMinutesBetween(start, end));
    }

    @Property
    void addedWorkingTimeEndsInsideASessionOrExactlyAtItsEnd(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant start,
            @ForAll @LongRange(min = 1, max = 60_000) long minutes) {
        assertWithinSession(calendar, calendar.addWorkingMinutes(start, minutes));
    }

    @Property
    void workingTimeIsAdditiveOverConsecutiveIntervals(
            @ForAll("calendars") WorkCalendar calendar,
            @ForAll("moments") Instant x,
            @ForAll("moments") Instant y,
            @ForAll("moments") Instant z) {
        Instant[] sorted = {x, y, z};
        Arrays.sort(sorted);
        Duration whole = calendar.workingTimeBetween(sorted[0], sorted[2]);
        Duration parts = calendar.workingTimeBetween(sorted[0], sorted[1])
                .plus(calendar.workingTimeBetween(sorted[1], sorted[2]));
        assertEquals(whole, parts);
        assertEquals(whole.negated(), calendar.workingTimeBetween(sorted[2], sorted[0]));
    }

    @Property
    void nextWorkingMomentIsTheFirstMomentInsideASession(
            @ForAll("calendars") WorkCalendar calendar, @ForAll("moments") Instant moment) {
        Instant next = calendar.nextWorkingMoment(moment);
        assertFalse(next.isBefore(moment));
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(moment, next));
        LocalDate day = WorkCalendar.localDate(next);
        assertTrue(
                calendar.sessions(day).stream()
                        .anyMatch(s -> !next.isBefore(WorkCalendar.at(day, s.start()))
                                && next.isBefore(WorkCalendar.at(day, s.end()))),
                () -> next + " is not a working moment");
        // One second of work starting there is really worked.
        assertEquals(Duration.ofSeconds(1), calendar.workingTimeBetween(next, next.plusSeconds(1)));
    }

    @Property
    void endOfNextWorkingDayIsTheLastSessionEndOfTheFirstWorkingDayAfter(
            @ForAll("calendars") WorkCalendar calendar, @ForAll("moments") Instant moment) {
        LocalDate date = WorkCalendar.localDate(moment);
        Instant end = calendar.endOfNextWorkingDay(date);
        LocalDate endDay = WorkCalendar.localDate(end);
        assertTrue(endDay.isAfter(date));
        assertTrue(calendar.isWorkingDay(endDay));
        for (LocalDate d = date.plusDays(1); d.isBefore(endDay); d = d.plusDays(1)) {
            assertFalse(calendar.isWorkingDay(d), d + " was skipped although worked");
        }
        assertEquals(
                Duration.ZERO,
                calendar.workingTimeBetween(end, WorkCalendar.at(endDay.plusDays(1), LocalTime.MIDNIGHT)));
    }

    static void assertWithinSession(WorkCalendar calendar, Instant due) {
        LocalDate day = WorkCalendar.localDate(due);
        assertTrue(
                calendar.sessions(day).stream()
                        .anyMatch(s -> due.isAfter(WorkCalendar.at(day, s.start()))
                                && !due.isAfter(WorkCalendar.at(day, s.end()))),
                () -> due + " is not inside (start, end] of a session on " + day + " " + calendar.sessions(day));
    }
}
