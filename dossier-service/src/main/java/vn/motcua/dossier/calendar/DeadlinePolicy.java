package vn.motcua.dossier.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Province- or procedure-level choices the law leaves open. {@link #DEFAULT} follows what real
 * systems compute (OpenCPS): 8-hour working days walked from reception, session-based
 * classification.
 *
 * @param workingDayMode       how working-day limits become a due moment; default {@link WorkingDayMode#HOURS_8}
 * @param minutesPerWorkingDay working minutes in one working day; default 480 ("mỗi ngày 08 giờ làm việc").
 *                             Also the NEAR_DUE and apology threshold ("one working day").
 * @param classification       early/on-time/late rule; default {@link ClassificationRule#SESSION_RULE}
 * @param receptionCutoff      local time from which a reception is deemed made at the opening of the next working
 *                             day; default null (none: only a reception after the day's last session moves, to the
 *                             next session)
 */
public record DeadlinePolicy(
        WorkingDayMode workingDayMode,
        int minutesPerWorkingDay,
        ClassificationRule classification,
        LocalTime receptionCutoff) {

    public static final DeadlinePolicy DEFAULT =
            new DeadlinePolicy(WorkingDayMode.HOURS_8, 480, ClassificationRule.SESSION_RULE, null);

    public DeadlinePolicy {
        Objects.requireNonNull(workingDayMode, "workingDayMode");
        Objects.requireNonNull(classification, "classification");
        if (minutesPerWorkingDay <= 0 || minutesPerWorkingDay > 24 * 60) {
            throw new IllegalArgumentException("minutesPerWorkingDay must be in 1..1440, was " + minutesPerWorkingDay);
        }
    }

    /** A policy without a reception cut-off. */
    public DeadlinePolicy(WorkingDayMode workingDayMode, int minutesPerWorkingDay, ClassificationRule classification) {
        this(workingDayMode, minutesPerWorkingDay, classification, null);
    }

    public DeadlinePolicy withWorkingDayMode(WorkingDayMode mode) {
        return new DeadlinePolicy(mode, minutesPerWorkingDay, classification, receptionCutoff);
    }

    public DeadlinePolicy withClassification(ClassificationRule rule) {
        return new DeadlinePolicy(workingDayMode, minutesPerWorkingDay, rule, receptionCutoff);
    }

    /** @param cutoff null: no cut-off */
    public DeadlinePolicy withReceptionCutoff(LocalTime cutoff) {
        return new DeadlinePolicy(workingDayMode, minutesPerWorkingDay, classification, cutoff);
    }

    public Duration oneWorkingDay() {
        return Duration.ofMinutes(minutesPerWorkingDay);
    }
}
