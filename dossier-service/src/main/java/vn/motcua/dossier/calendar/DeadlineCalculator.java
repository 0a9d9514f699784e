package vn.motcua.dossier.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Computes appointment (hẹn trả) moments and judges dossiers against them. Pure: the result
 * depends only on the calendar, the policy and the arguments.
 */
public final class DeadlineCalculator {

    private final WorkCalendar calendar;
    private final DeadlinePolicy policy;

    public DeadlineCalculator(WorkCalendar calendar, DeadlinePolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public DeadlineCalculator(WorkCalendar calendar) {
        this(calendar, DeadlinePolicy.DEFAULT);
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    public DeadlinePolicy policy() {
        return policy;
    }

    /**
     * Due moment for a dossier accepted (tiếp nhận) at {@code receivedAt}.
     * <ul>
     * <li>Working hours, and working days under HOURS_8: working time is walked from reception;
     * reception outside working time counts from the next session start.</li>
     * <li>Working days under END_OF_DAY: end of the Nth working day after the reception day.</li>
     * <li>Calendar days and months (Civil Code art. 147–148): the reception day is not counted;
     * the period ends on the corresponding day, a missing day of month clamps to the month's last
     * day, and a non-working last day rolls to the next working day. "24:00 of the last day" is
     * represented as the end of that day's last session, because the appointment printed on the
     * receipt must be a moment when the office is open to hand back the result.</li>
     * </ul>
     */
    public Instant dueAt(Instant reception, TimeLimit limit) {
        Objects.requireNonNull(reception, "reception");
        Objects.requireNonNull(limit, "limit");
        Instant receivedAt = deemedReception(reception);
        LocalDate receptionDay = WorkCalendar.localDate(receivedAt);
        return switch (limit.unit()) {
            case WORKING_HOURS -> calendar.addWorkingTime(receivedAt, Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> workingDaysDue(receivedAt, limit.amount());
            case CALENDAR_DAYS -> calendar.endOfWorkingDayOnOrAfter(receptionDay.plusDays(limit.amount()));
            case MONTHS -> calendar.endOfWorkingDayOnOrAfter(receptionDay.plusMonths(limit.amount()));
        };
    }

    /**
     * When the count starts from: the reception itself, or, at or after the policy's reception cut-off, the opening
     * of the next working day (the reception is deemed made then, whatever the limit's unit).
     */
    public Instant deemedReception(Instant receivedAt) {
        LocalTime cutoff = policy.receptionCutoff();
        if (cutoff == null || WorkCalendar.localTime(receivedAt).isBefore(cutoff)) {
            return receivedAt;
        }
        LocalDate nextDay = WorkCalendar.localDate(receivedAt).plusDays(1);
        return calendar.nextWorkingMoment(
                nextDay.atStartOfDay(WorkCalendar.ZONE).toInstant());
    }

    private Instant workingDaysDue(Instant receivedAt, long days) {
        if (policy.workingDayMode() == WorkingDayMode.HOURS_8) {
            return calendar.addWorkingTime(receivedAt, policy.oneWorkingDay().multipliedBy(days));
        }
        LocalDate day = WorkCalendar.localDate(receivedAt);
        for (long counted = 1; counted < days; counted++) {
            day = nextWorkingDayAfter(day);
        }
        return calendar.endOfNextWorkingDay(day);
    }

    private LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** ND61 art. 19(4): after a supplement the time limit is counted again from the start. */
    public Instant dueAfterSupplement(Instant supplementCompletedAt, TimeLimit limit) {
        return dueAt(supplementCompletedAt, limit);
    }

    /**
     * Decision 766 reading: the clock stops during each pause and the working time it covered is
     * added back to the due moment. Overlapping pauses are merged so no time is counted twice.
     * A pause starting at or after the (already extended) due moment is ignored: the dossier was
     * already late when it was paused, and pausing must not turn it back to on time.
     */
    public Instant dueWithPausesSubtracted(Instant originalDue, List<Pause> pauses) {
        Objects.requireNonNull(originalDue, "originalDue");
        Instant due = originalDue;
        for (Pause pause : merge(pauses)) {
            if (!pause.from().isBefore(due)) {
                break;
            }
            due = calendar.addWorkingTime(due, calendar.workingTimeBetween(pause.from(), pause.to()));
        }
        return due;
    }

    private static List<Pause> merge(List<Pause> pauses) {
        List<Pause> sorted = new ArrayList<>(Objects.requireNonNull(pauses, "pauses"));
        sorted.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>();
        for (Pause pause : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && !pause.from().isAfter(merged.get(last).to())) {
                Pause previous = merged.get(last);
                Instant to = pause.to().isAfter(previous.to()) ? pause.to() : previous.to();
                merged.set(last, new Pause(previous.from(), to));
            } else {
                merged.add(pause);
            }
        }
        return merged;
    }

    public Classification classify(Instant finishedAt, Instant dueAt) {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (finishedAt.isAfter(dueAt)) {
            return Classification.LATE;
        }
        boolean early = switch (policy.classification()) {
            case SESSION_RULE -> finishedAt.isBefore(calendar.startOfSessionCovering(dueAt));
            case DAY_GRANULARITY -> WorkCalendar.localDate(finishedAt).isBefore(WorkCalendar.localDate(dueAt));
        };
        return early ? Classification.EARLY : Classification.ON_TIME;
    }

    /** NEAR_DUE when at most one working day of working time is left, the due moment included. */
    public DeadlineState stateAt(Instant now, Instant dueAt) {
        if (now.isAfter(dueAt)) {
            return DeadlineState.OVERDUE;
        }
        Duration left = calendar.workingTimeBetween(now, dueAt);
        return left.compareTo(policy.oneWorkingDay()) <= 0 ? DeadlineState.NEAR_DUE : DeadlineState.IN_TIME;
    }

    /** ND61 art. 19(9): the apology and new appointment must be issued at least one working day before due. */
    public boolean canApologise(Instant now, Instant dueAt) {
        // ND61 Art 19(9) "at least one working day before the due date" is a date rule (ADR 0004): some working day
        // from today up to the day before the due date must remain, whatever the due minute.
        LocalDate dueDay = WorkCalendar.localDate(dueAt);
        for (LocalDate d = WorkCalendar.localDate(now); d.isBefore(dueDay); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                return true;
            }
        }
        return false;
    }
}
