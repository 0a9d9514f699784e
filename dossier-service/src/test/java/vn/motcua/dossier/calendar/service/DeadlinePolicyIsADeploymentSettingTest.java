package vn.motcua.dossier.calendar.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.ClassificationRule;
import vn.motcua.dossier.calendar.DeadlinePolicy;
import vn.motcua.dossier.calendar.WorkingDayMode;

/**
 * domain.md §6.2: "Keep the policy configurable. Provinces differ: some set the appointment at the same clock time N
 * working days later, others at end of day"; §6.3: the early/on-time split by session or by day, "make it
 * configurable [U which the province mandates]".
 */
class DeadlinePolicyIsADeploymentSettingTest {

    // The defaults are the brief's default reading: OpenCPS walks N × 8 working hours from reception (§6.2 [O],
    // "1 working day = 8 working hours"), counts a reception after the last session from the next session (no
    // cut-off), and splits early/on time by the half-day session of the due moment (§6.3, BetimeUtils [O]).
    @Test
    void theDefaultsAreTheBriefsDefaultReading() {
        assertThat(DeadlinePolicySettings.policy(
                        DeadlinePolicySettings.DEFAULT_WORKING_DAY_MODE,
                        Integer.parseInt(DeadlinePolicySettings.DEFAULT_MINUTES_PER_WORKING_DAY),
                        DeadlinePolicySettings.DEFAULT_CLASSIFICATION,
                        DeadlinePolicySettings.DEFAULT_RECEPTION_CUTOFF))
                .isEqualTo(DeadlinePolicy.DEFAULT)
                .isEqualTo(new DeadlinePolicy(WorkingDayMode.HOURS_8, 480, ClassificationRule.SESSION_RULE, null));
    }

    @Test
    void everyOptionIsASetting() {
        assertThat(DeadlinePolicySettings.policy("end_of_day", 450, "DAY_GRANULARITY", "15:00"))
                .isEqualTo(new DeadlinePolicy(
                        WorkingDayMode.END_OF_DAY, 450, ClassificationRule.DAY_GRANULARITY, LocalTime.of(15, 0)));
    }

    @Test
    void aWrongSettingStopsTheServiceAtStartUpNamingTheKey() {
        assertThatThrownBy(() -> DeadlinePolicySettings.policy("END_OF_THE_DAY", 480, "SESSION_RULE", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motcua.dossier.deadline.working-day-mode");
        assertThatThrownBy(() -> DeadlinePolicySettings.policy("HOURS_8", 480, "BY_DAY", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motcua.dossier.deadline.classification");
        assertThatThrownBy(() -> DeadlinePolicySettings.policy("HOURS_8", 480, "SESSION_RULE", "3pm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motcua.dossier.deadline.reception-cutoff");
        assertThatThrownBy(() -> DeadlinePolicySettings.policy("HOURS_8", 0, "SESSION_RULE", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
