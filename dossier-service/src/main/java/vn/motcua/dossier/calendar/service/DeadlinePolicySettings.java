package vn.motcua.dossier.calendar.service;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import vn.motcua.dossier.calendar.ClassificationRule;
import vn.motcua.dossier.calendar.DeadlinePolicy;
import vn.motcua.dossier.calendar.WorkingDayMode;

/**
 * The deployment's {@link DeadlinePolicy}, from the {@code motcua.dossier.deadline.*} settings (application.yml
 * documents them; ADR 0004). The defaults are the domain brief's default reading (domain.md §6.2–6.3, OpenCPS [O]):
 * {@code working-day-mode: HOURS_8} (N working days = N × 8 working hours walked from reception, the appointment at
 * the same clock time), {@code minutes-per-working-day: 480}, {@code classification: SESSION_RULE} (OpenCPS
 * BetimeUtils) and no {@code reception-cutoff} (only a reception after the last session counts from the next one).
 */
@Factory
public class DeadlinePolicySettings {

    private static final String PREFIX = "motcua.dossier.deadline.";
    static final String DEFAULT_WORKING_DAY_MODE = "HOURS_8";
    static final String DEFAULT_MINUTES_PER_WORKING_DAY = "480";
    static final String DEFAULT_CLASSIFICATION = "SESSION_RULE";
    static final String DEFAULT_RECEPTION_CUTOFF = "";

    @Singleton
    DeadlinePolicy deadlinePolicy(
            @Value("${motcua.dossier.deadline.working-day-mode:" + DEFAULT_WORKING_DAY_MODE + "}") String mode,
            @Value("${motcua.dossier.deadline.minutes-per-working-day:" + DEFAULT_MINUTES_PER_WORKING_DAY + "}")
                    int minutesPerWorkingDay,
            @Value("${motcua.dossier.deadline.classification:" + DEFAULT_CLASSIFICATION + "}") String classification,
            @Value("${motcua.dossier.deadline.reception-cutoff:" + DEFAULT_RECEPTION_CUTOFF + "}") String cutoff) {
        return policy(mode, minutesPerWorkingDay, classification, cutoff);
    }

    /** The policy the settings name; a wrong value stops the service at start-up, naming the setting. */
    static DeadlinePolicy policy(String mode, int minutesPerWorkingDay, String classification, String cutoff) {
        LocalTime receptionCutoff = null;
        if (cutoff != null && !cutoff.isBlank()) {
            try {
                receptionCutoff = LocalTime.parse(cutoff.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        PREFIX + "reception-cutoff must be a time such as 15:00 or empty, was " + cutoff, e);
            }
        }
        try {
            return new DeadlinePolicy(
                    choice(WorkingDayMode.class, mode, "working-day-mode"),
                    minutesPerWorkingDay,
                    choice(ClassificationRule.class, classification, "classification"),
                    receptionCutoff);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(PREFIX)) {
                throw e;
            }
            throw new IllegalArgumentException(PREFIX + "minutes-per-working-day: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    PREFIX + key + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", was " + value);
        }
    }
}
