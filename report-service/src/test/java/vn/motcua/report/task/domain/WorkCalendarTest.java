package vn.motcua.report.task.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Effective deadlines and working days late (Civil Code 2015 Art 148(5)), in Asia/Ho_Chi_Minh local time. */
class WorkCalendarTest {

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(WorkCalendar.ZONE).toInstant();
    }

    /** 30/4 (Thu) and 1/5 (Fri) off; 2/9 (Wed) off; Saturday 10/10 a make-up workday. */
    private static final WorkCalendar CALENDAR = new WorkCalendar(
            Set.of(LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-09-02")),
            Set.of(LocalDate.parse("2026-10-10")));

    @Test
    void aDeadlineOnAWorkingDayStaysWhereItIs() {
        assertThat(CALENDAR.effectiveDeadline(local("2026-09-01T16:00"))).isEqualTo(local("2026-09-01T16:00"));
    }

    @Test
    void aDeadlineOnASaturdayTakesEffectOnMondayAtTheSameLocalTime() {
        assertThat(CALENDAR.effectiveDeadline(local("2026-09-05T16:00"))).isEqualTo(local("2026-09-07T16:00"));
        assertThat(CALENDAR.effectiveDeadline(local("2026-09-06T08:30"))).isEqualTo(local("2026-09-07T08:30"));
    }

    @Test
    void aDeadlineOnAHolidayRunningIntoAWeekendMovesPastBoth() {
        // 30/4 Thu and 1/5 Fri are off, then Saturday and Sunday: Monday 4/5
        assertThat(CALENDAR.effectiveDeadline(local("2026-04-30T16:00"))).isEqualTo(local("2026-05-04T16:00"));
    }

    @Test
    void aMakeUpWorkdayOnASaturdayIsAWorkingDay() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(CALENDAR.effectiveDeadline(local("2026-10-10T16:00"))).isEqualTo(local("2026-10-10T16:00"));
        assertThat(WorkCalendar.weekendsOnly().effectiveDeadline(local("2026-10-10T16:00")))
                .isEqualTo(local("2026-10-12T16:00"));
    }

    @Test
    void aMakeUpWorkdayWinsOverADayOffOfTheSameDate() {
        WorkCalendar both =
                new WorkCalendar(Set.of(LocalDate.parse("2026-09-02")), Set.of(LocalDate.parse("2026-09-02")));
        assertThat(both.isWorkingDay(LocalDate.parse("2026-09-02"))).isTrue();
    }

    @Test
    void theLocalDateDecidesNotTheUtcOne() {
        // Monday 07:00 local is Sunday 00:00 UTC: a working day, not moved
        assertThat(WorkCalendar.weekendsOnly().effectiveDeadline(local("2026-09-07T07:00")))
                .isEqualTo(local("2026-09-07T07:00"));
        // Saturday 06:00 local is Friday 23:00 UTC: still Saturday, moved to Monday
        assertThat(WorkCalendar.weekendsOnly().effectiveDeadline(local("2026-09-05T06:00")))
                .isEqualTo(local("2026-09-07T06:00"));
    }

    @Test
    void workingDaysLateCountWorkingDaysAfterTheDeadlinesDateUpToTheDoneDate() {
        Instant deadline = local("2026-09-01T16:00"); // Tuesday
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-01T15:59")))
                .isZero();
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-01T16:00")))
                .isZero();
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-01T17:00")))
                .as("late on the same day: no whole working day")
                .isZero();
        // Wed 2/9 off, Thu 3 and Fri 4 working, Sat 5 and Sun 6 off, Mon 7 working
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-02T09:00")))
                .isZero();
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-03T09:00")))
                .isEqualTo(1);
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-06T09:00")))
                .isEqualTo(2);
        assertThat(CALENDAR.workingDaysLate(deadline, local("2026-09-07T09:00")))
                .isEqualTo(3);
    }
}
