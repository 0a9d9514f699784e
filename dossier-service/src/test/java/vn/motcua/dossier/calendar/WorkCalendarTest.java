package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.calendar.VnTime.assertLocal;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    private final WorkCalendar calendar = VietnamHolidays2026.standardCalendar();

    @Test
    void weekdaysAreWorkedWithTwoSessionsAndWeekendsAreOff() {
        assertEquals(WeeklySchedule.STANDARD_DAY, calendar.sessions(LocalDate.parse("2026-03-10")));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-03-13")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-03-14")));
        assertEquals(List.of(), calendar.sessions(LocalDate.parse("2026-03-15")));
    }

    @Test
    void standardDayHasEightWorkingHours() {
        assertEquals(480, calendar.workingMinutesBetween(vn("2026-03-10T00:00"), vn("2026-03-11T00:00")));
    }

    @Test
    void holidayOnAWeekendIsHarmless() {
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-04-26")));
    }

    @Test
    void nextWorkingMomentInsideASessionIsThatMoment() {
        assertLocal("2026-03-10T09:00", calendar.nextWorkingMoment(vn("2026-03-10T09:00")));
        assertLocal("2026-03-10T07:00", calendar.nextWorkingMoment(vn("2026-03-10T07:00")));
    }

    @Test
    void nextWorkingMomentAtSessionEndIsTheNextSessionStart() {
        assertLocal("2026-03-10T13:30", calendar.nextWorkingMoment(vn("2026-03-10T11:30")));
        assertLocal("2026-03-16T07:00", calendar.nextWorkingMoment(vn("2026-03-13T17:00")));
    }

    @Test
    void nextWorkingMomentAcceptsAnyZoneAndAnswersInVietnamTime() {
        ZonedDateTime utcEvening =
                ZonedDateTime.of(LocalDateTime.parse("2026-03-10T11:00"), ZoneOffset.UTC); // 18:00 VN
        ZonedDateTime next = calendar.nextWorkingMoment(utcEvening);
        assertEquals(WorkCalendar.ZONE, next.getZone());
        assertEquals(LocalDateTime.parse("2026-03-11T07:00"), next.toLocalDateTime());
    }

    @Test
    void addingZeroWorkingMinutesReturnsTheStartUnchanged() {
        assertEquals(vn("2026-03-14T09:00"), calendar.addWorkingMinutes(vn("2026-03-14T09:00"), 0));
    }

    @Test
    void workingMinutesBetweenIsSignedAndCountsOnlySessions() {
        assertEquals(345, calendar.workingMinutesBetween(vn("2026-03-10T12:00"), vn("2026-03-11T09:15")));
        assertEquals(-345, calendar.workingMinutesBetween(vn("2026-03-11T09:15"), vn("2026-03-10T12:00")));
        assertEquals(0, calendar.workingMinutesBetween(vn("2026-03-14T00:00"), vn("2026-03-16T07:00")));
    }

    @Test
    void workingMinutesBetweenTruncatesPartialMinutes() {
        assertEquals(
                Duration.ofSeconds(119),
                calendar.workingTimeBetween(vn("2026-03-10T09:00:01"), vn("2026-03-10T09:02")));
        assertEquals(1, calendar.workingMinutesBetween(vn("2026-03-10T09:00:01"), vn("2026-03-10T09:02")));
    }

    @Test
    void endOfNextWorkingDaySkipsWeekendAndHolidays() {
        assertLocal("2026-03-11T17:00", calendar.endOfNextWorkingDay(LocalDate.parse("2026-03-10")));
        assertLocal("2026-03-16T17:00", calendar.endOfNextWorkingDay(LocalDate.parse("2026-03-13")));
        assertLocal("2026-02-23T17:00", calendar.endOfNextWorkingDay(LocalDate.parse("2026-02-13")));
        assertLocal("2026-08-22T17:00", calendar.endOfNextWorkingDay(LocalDate.parse("2026-08-21")));
    }

    @Test
    void endOfWorkingDayOnOrAfterKeepsAWorkingDay() {
        assertLocal("2026-03-10T17:00", calendar.endOfWorkingDayOnOrAfter(LocalDate.parse("2026-03-10")));
        assertLocal("2026-03-16T17:00", calendar.endOfWorkingDayOnOrAfter(LocalDate.parse("2026-03-14")));
    }

    @Test
    void startOfSessionCoveringTreatsSessionEndAsInsideAndSessionStartAsBelongingToThePreviousSession() {
        assertLocal("2026-03-10T07:00", calendar.startOfSessionCovering(vn("2026-03-10T11:30")));
        assertLocal("2026-03-10T07:00", calendar.startOfSessionCovering(vn("2026-03-10T07:00:01")));
        assertLocal("2026-03-09T13:30", calendar.startOfSessionCovering(vn("2026-03-10T07:00")));
        assertLocal("2026-03-13T13:30", calendar.startOfSessionCovering(vn("2026-03-15T12:00")));
    }

    @Test
    void makeUpDayUsesTheScheduleMakeUpSessionsEvenForASaturdayMorningUnit() {
        WeeklySchedule schedule =
                WeeklySchedule.standard().withDay(DayOfWeek.SATURDAY, List.of(Session.of("07:00", "11:30")));
        WorkCalendar saturdayUnit = new WorkCalendar(schedule, VietnamHolidays2026.ROWS);
        assertEquals(WeeklySchedule.STANDARD_DAY, saturdayUnit.sessions(LocalDate.parse("2026-08-22")));
        assertEquals(List.of(Session.of("07:00", "11:30")), saturdayUnit.sessions(LocalDate.parse("2026-08-29")));
    }

    @Test
    void unsortedSessionsAreStoredInOrder() {
        WeeklySchedule schedule = WeeklySchedule.standard()
                .withDay(DayOfWeek.MONDAY, List.of(WeeklySchedule.AFTERNOON, WeeklySchedule.MORNING));
        assertEquals(WeeklySchedule.STANDARD_DAY, schedule.sessionsOf(DayOfWeek.MONDAY));
    }
}
