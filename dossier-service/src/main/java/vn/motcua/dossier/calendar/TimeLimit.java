package vn.motcua.dossier.calendar;

import java.util.Objects;

/** A processing time limit such as "05 ngày làm việc" or "04 giờ làm việc". */
public record TimeLimit(long amount, TimeLimitUnit unit) {

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("Time limit amount must be positive, was " + amount);
        }
        if (amount > unit.maxAmount()) {
            throw new IllegalArgumentException(
                    "Time limit " + amount + " " + unit + " exceeds the maximum of " + unit.maxAmount());
        }
    }

    public static TimeLimit workingDays(long amount) {
        return new TimeLimit(amount, TimeLimitUnit.WORKING_DAYS);
    }

    public static TimeLimit workingHours(long amount) {
        return new TimeLimit(amount, TimeLimitUnit.WORKING_HOURS);
    }

    public static TimeLimit calendarDays(long amount) {
        return new TimeLimit(amount, TimeLimitUnit.CALENDAR_DAYS);
    }

    public static TimeLimit months(long amount) {
        return new TimeLimit(amount, TimeLimitUnit.MONTHS);
    }
}
