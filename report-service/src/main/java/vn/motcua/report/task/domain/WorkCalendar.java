package vn.motcua.report.task.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The work calendar of one unit as tasks see it: Saturday and Sunday are off, plus the DAY_OFF entries that apply to
 * the unit (nationwide, the unit's own or an ancestor's), except where a MAKEUP_WORKDAY applies (a make-up day wins:
 * it is the reason the entry exists). The one home of effective deadlines and working days late.
 * <p>
 * A deadline whose local date is a day off takes effect at the same local time on the next working day, after the
 * general rule on time limits, Civil Code 2015 Art 148(5) [S]: when the last day of a period is a day off, the period
 * ends on the next working day (ADR 0012, decision 3). Keeping the deadline's own time on that day is the platform's
 * choice.
 */
public final class WorkCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** More consecutive days off than any real calendar holds (Tết is about 9): a guard against a corrupt calendar. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 60;

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> makeupWorkdays;

    public WorkCalendar(Set<LocalDate> daysOff, Set<LocalDate> makeupWorkdays) {
        this.daysOff = Set.copyOf(daysOff);
        this.makeupWorkdays = Set.copyOf(makeupWorkdays);
    }

    /** Weekends only. */
    public static WorkCalendar weekendsOnly() {
        return new WorkCalendar(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeupWorkdays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !daysOff.contains(day);
    }

    /** The deadline moved to the same local time of the first working day on or after its own local date. */
    public Instant effectiveDeadline(Instant deadline) {
        LocalDateTime local = LocalDateTime.ofInstant(deadline, ZONE);
        LocalDate day = local.toLocalDate();
        int moved = 0;
        while (!isWorkingDay(day)) {
            if (++moved > MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("no working day within " + MAX_DAYS_OFF_IN_A_ROW + " days of " + local);
            }
            day = day.plusDays(1);
        }
        return day.atTime(local.toLocalTime()).atZone(ZONE).toInstant();
    }

    /**
     * Working days after the effective deadline's local date up to and including {@code end}'s local date; 0 when
     * {@code end} is not after the effective deadline (on time) or falls on its own date.
     */
    public int workingDaysLate(Instant effectiveDeadline, Instant end) {
        if (!end.isAfter(effectiveDeadline)) {
            return 0;
        }
        LocalDate from = LocalDate.ofInstant(effectiveDeadline, ZONE);
        LocalDate to = LocalDate.ofInstant(end, ZONE);
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
