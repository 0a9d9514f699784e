package vn.motcua.dossier.calendar;

import java.time.Duration;
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
 */
public record DeadlinePolicy(
        WorkingDayMode workingDayMode, int minutesPerWorkingDay, ClassificationRule classification) {

    public static final DeadlinePolicy DEFAULT =
            new DeadlinePolicy(WorkingDayMode.HOURS_8, 480, ClassificationRule.SESSION_RULE);

    public DeadlinePolicy {
        Objects.requireNonNull(workingDayMode, "workingDayMode");
        Objects.requireNonNull(classification, "classification");
        if (minutesPerWorkingDay <= 0 || minutesPerWorkingDay > 24 * 60) {
            throw new IllegalArgumentException("minutesPerWorkingDay must be in 1..1440, was " + minutesPerWorkingDay);
        }
    }

    public DeadlinePolicy withWorkingDayMode(WorkingDayMode mode) {
        return new DeadlinePolicy(mode, minutesPerWorkingDay, classification);
    }

    public DeadlinePolicy withClassification(ClassificationRule rule) {
        return new DeadlinePolicy(workingDayMode, minutesPerWorkingDay, rule);
    }

    public Duration oneWorkingDay() {
        return Duration.ofMinutes(minutesPerWorkingDay);
    }
}
