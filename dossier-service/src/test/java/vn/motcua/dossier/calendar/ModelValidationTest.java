package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

    @Test
    void timeLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.workingDays(0));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.workingHours(-1));
    }

    @Test
    void timeLimitIsCappedAtAboutTenYearsPerUnit() {
        assertDoesNotThrow(() -> TimeLimit.workingDays(2_600));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.workingDays(2_601));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.workingHours(20_801));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.calendarDays(3_661));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.months(121));
    }

    @Test
    void timeLimitNeedsAUnit() {
        assertThrows(NullPointerException.class, () -> new TimeLimit(1, null));
    }

    @Test
    void sessionMustStartBeforeItEnds() {
        assertThrows(IllegalArgumentException.class, () -> Session.of("11:30", "07:00"));
        assertThrows(IllegalArgumentException.class, () -> Session.of("07:00", "07:00"));
        assertEquals(Duration.ofMinutes(270), Session.of("07:00", "11:30").length());
    }

    @Test
    void overlappingSessionsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> WeeklySchedule.standard()
                        .withDay(
                                DayOfWeek.MONDAY, List.of(Session.of("07:00", "12:00"), Session.of("11:00", "17:00"))));
    }

    @Test
    void touchingSessionsAreAllowed() {
        assertDoesNotThrow(() -> WeeklySchedule.standard()
                .withDay(DayOfWeek.MONDAY, List.of(Session.of("07:00", "12:00"), Session.of("12:00", "17:00"))));
    }

    @Test
    void sessionsOverlapOnlyWhenTheyShareTime() {
        Session morning = WeeklySchedule.MORNING;
        assertFalse(morning.overlaps(WeeklySchedule.AFTERNOON));
        assertFalse(WeeklySchedule.AFTERNOON.overlaps(morning));
        assertFalse(morning.overlaps(Session.of("11:30", "12:00")));
        assertTrue(morning.overlaps(Session.of("11:00", "12:00")));
        assertTrue(Session.of("11:00", "12:00").overlaps(morning));
    }

    @Test
    void schedulesWithTheSameSessionsAreEqual() {
        WeeklySchedule saturdayUnit =
                WeeklySchedule.standard().withDay(DayOfWeek.SATURDAY, List.of(WeeklySchedule.MORNING));
        assertEquals(WeeklySchedule.standard(), WeeklySchedule.standard());
        assertEquals(
                WeeklySchedule.standard().hashCode(), WeeklySchedule.standard().hashCode());
        assertNotEquals(WeeklySchedule.standard(), saturdayUnit);
        assertNotEquals(WeeklySchedule.standard().hashCode(), saturdayUnit.hashCode());
        assertNotEquals(
                WeeklySchedule.standard(),
                new WeeklySchedule(
                        Map.of(
                                DayOfWeek.MONDAY,
                                WeeklySchedule.STANDARD_DAY,
                                DayOfWeek.TUESDAY,
                                WeeklySchedule.STANDARD_DAY,
                                DayOfWeek.WEDNESDAY,
                                WeeklySchedule.STANDARD_DAY,
                                DayOfWeek.THURSDAY,
                                WeeklySchedule.STANDARD_DAY,
                                DayOfWeek.FRIDAY,
                                WeeklySchedule.STANDARD_DAY),
                        List.of(WeeklySchedule.MORNING)));
        assertNotEquals(WeeklySchedule.standard(), (Object) "standard");
    }

    @Test
    void calculatorAndCalendarExposeWhatTheyWereBuiltWith() {
        WeeklySchedule schedule = WeeklySchedule.standard();
        WorkCalendar calendar = new WorkCalendar(schedule, List.of());
        DeadlinePolicy policy = DeadlinePolicy.DEFAULT.withWorkingDayMode(WorkingDayMode.END_OF_DAY);
        DeadlineCalculator calculator = new DeadlineCalculator(calendar, policy);
        assertSame(schedule, calendar.schedule());
        assertSame(calendar, calculator.calendar());
        assertSame(policy, calculator.policy());
        assertSame(DeadlinePolicy.DEFAULT, new DeadlineCalculator(calendar).policy());
    }

    @Test
    void scheduleWithoutAnySessionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WeeklySchedule(Map.of(), WeeklySchedule.STANDARD_DAY));
    }

    @Test
    void makeUpDayWithoutSessionsIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new WeeklySchedule(Map.of(DayOfWeek.MONDAY, WeeklySchedule.STANDARD_DAY), List.of()));
    }

    @Test
    void twoExceptionRowsForOneDateAreRejected() {
        LocalDate date = LocalDate.parse("2026-09-02");
        assertThrows(
                IllegalArgumentException.class,
                () -> WorkCalendar.standard(
                        List.of(DayOverride.holiday(date, "Quốc khánh"), DayOverride.makeUpWorkday(date, "Làm bù"))));
    }

    @Test
    void exceptionRowNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> DayOverride.holiday(LocalDate.parse("2026-09-02"), " "));
    }

    @Test
    void policyMinutesPerWorkingDayMustFitInADay() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new DeadlinePolicy(WorkingDayMode.HOURS_8, 0, ClassificationRule.SESSION_RULE));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DeadlinePolicy(WorkingDayMode.HOURS_8, 1_441, ClassificationRule.SESSION_RULE));
    }

    @Test
    void defaultPolicyIsEightHourDaysWithSessionRule() {
        assertEquals(
                new DeadlinePolicy(WorkingDayMode.HOURS_8, 480, ClassificationRule.SESSION_RULE),
                DeadlinePolicy.DEFAULT);
    }

    @Test
    void pauseCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new Pause(vn("2026-03-10T10:00"), vn("2026-03-10T09:00")));
    }

    @Test
    void negativeWorkingTimeCannotBeAdded() {
        WorkCalendar calendar = VietnamHolidays2026.standardCalendar();
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingMinutes(vn("2026-03-10T10:00"), -1));
    }

    @Test
    void largestLimitsStillComputeQuickly() {
        DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();
        assertDoesNotThrow(() -> calculator.dueAt(vn("2026-03-10T10:00"), TimeLimit.workingDays(2_600)));
        assertDoesNotThrow(() -> calculator.dueAt(vn("2026-03-10T10:00"), TimeLimit.workingHours(20_800)));
    }

    @Test
    void customMinutesPerWorkingDayScaleWorkingDayLimits() {
        DeadlineCalculator sevenHourDays = new DeadlineCalculator(
                VietnamHolidays2026.standardCalendar(),
                new DeadlinePolicy(WorkingDayMode.HOURS_8, 420, ClassificationRule.SESSION_RULE));
        VnTime.assertLocal("2026-03-11T08:15", sevenHourDays.dueAt(vn("2026-03-10T09:15"), TimeLimit.workingDays(1)));
    }
}
