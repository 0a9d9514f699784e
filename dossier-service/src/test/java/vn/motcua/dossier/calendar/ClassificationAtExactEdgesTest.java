package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.calendar.Classification.EARLY;
import static vn.motcua.dossier.calendar.Classification.LATE;
import static vn.motcua.dossier.calendar.Classification.ON_TIME;
import static vn.motcua.dossier.calendar.VnTime.vn;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClassificationAtExactEdgesTest {

    @Nested
    class SessionRule {

        private final DeadlineCalculator calculator = VietnamHolidays2026.defaultCalculator();
        private final Instant dueInMorning = vn("2026-03-11T09:15");

        @Test
        void finishOneSecondBeforeStartOfDueSessionIsEarly() {
            assertEquals(EARLY, calculator.classify(vn("2026-03-11T06:59:59"), dueInMorning));
        }

        @Test
        void finishExactlyAtStartOfDueSessionIsOnTime() {
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T07:00"), dueInMorning));
        }

        @Test
        void finishExactlyAtDueIsOnTime() {
            assertEquals(ON_TIME, calculator.classify(dueInMorning, dueInMorning));
        }

        @Test
        void finishOneSecondAfterDueIsLate() {
            assertEquals(LATE, calculator.classify(vn("2026-03-11T09:15:01"), dueInMorning));
        }

        @Test
        void finishOnPreviousDayIsEarly() {
            assertEquals(EARLY, calculator.classify(vn("2026-03-10T16:00"), dueInMorning));
        }

        @Test
        void dueAtAfternoonCloseBelongsToTheAfternoonSession() {
            Instant due = vn("2026-03-11T17:00");
            assertEquals(EARLY, calculator.classify(vn("2026-03-11T13:29:59"), due));
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T13:30"), due));
            assertEquals(ON_TIME, calculator.classify(due, due));
            assertEquals(LATE, calculator.classify(vn("2026-03-11T17:00:01"), due));
        }

        @Test
        void dueAtMorningCloseBelongsToTheMorningSessionNotTheAfternoon() {
            Instant due = vn("2026-03-11T11:30");
            assertEquals(EARLY, calculator.classify(vn("2026-03-11T06:59:59"), due));
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T07:00"), due));
        }

        @Test
        void finishDuringLunchBeforeAnAfternoonDueIsEarly() {
            assertEquals(EARLY, calculator.classify(vn("2026-03-11T12:00"), vn("2026-03-11T14:00")));
        }

        @Test
        void dueOutsideWorkingTimeBelongsToTheLastSessionBeforeIt() {
            // A hand-entered extended due at 20:00 is worth the same working time as 17:00.
            Instant due = vn("2026-03-11T20:00");
            assertEquals(EARLY, calculator.classify(vn("2026-03-11T13:29:59"), due));
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T13:30"), due));
        }

        @Test
        void dueOnMondayMorningAfterWeekendUsesMondayMorningSession() {
            Instant due = vn("2026-03-16T07:55");
            assertEquals(EARLY, calculator.classify(vn("2026-03-15T10:00"), due));
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-16T07:00"), due));
        }
    }

    @Nested
    class DayGranularity {

        private final DeadlineCalculator calculator = new DeadlineCalculator(
                VietnamHolidays2026.standardCalendar(),
                DeadlinePolicy.DEFAULT.withClassification(ClassificationRule.DAY_GRANULARITY));
        private final Instant due = vn("2026-03-11T09:15");

        @Test
        void finishOneSecondBeforeLocalMidnightOfDueDateIsEarly() {
            assertEquals(EARLY, calculator.classify(vn("2026-03-10T23:59:59"), due));
        }

        @Test
        void finishAtLocalMidnightOfDueDateIsOnTime() {
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T00:00"), due));
        }

        @Test
        void dueDateIsTheVietnamDateNotTheUtcDate() {
            // 06:00 in Hanoi on 11/03 is still 10/03 in UTC.
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T06:00"), due));
        }

        @Test
        void finishExactlyAtDueIsOnTime() {
            assertEquals(ON_TIME, calculator.classify(due, due));
        }

        @Test
        void finishOneSecondAfterDueIsLateEvenOnTheSameDate() {
            assertEquals(LATE, calculator.classify(vn("2026-03-11T09:15:01"), due));
            assertEquals(LATE, calculator.classify(vn("2026-03-11T16:00"), due));
        }

        @Test
        void finishInTheSameMorningSessionBeforeDueIsOnTimeUnderBothRules() {
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T07:30"), due));
        }

        @Test
        void finishEarlierSameDayIsOnTimeWhereSessionRuleWouldSayEarly() {
            Instant afternoonDue = vn("2026-03-11T17:00");
            assertEquals(ON_TIME, calculator.classify(vn("2026-03-11T08:00"), afternoonDue));
            assertEquals(EARLY, VietnamHolidays2026.defaultCalculator().classify(vn("2026-03-11T08:00"), afternoonDue));
        }
    }
}
