package vn.motcua.report.reminder.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;
import vn.motcua.report.reminder.domain.ReminderPolicy;

/**
 * Reminders of directive tasks ({@code motcua.report.tasks.reminders}; application.yml documents the defaults).
 * <ul>
 *   <li>{@code before}: offsets before the effective deadline at which the assigned unit is reminded, default
 *       [P1D, PT2H]</li>
 *   <li>{@code overdue-to-leader}: once the deadline passed, remind the unit's leader (else its officers), default
 *       true</li>
 *   <li>{@code sweep-enabled}: run the leased sweep in this process, default true (tests drive it directly)</li>
 *   <li>{@code sweep-interval}: pause between passes, default 30s</li>
 *   <li>{@code batch}: assignments, returned reports and unsent e-mails looked at per pass, default 500</li>
 *   <li>{@code retry-delay}: wait after a failed e-mail before the next attempt, doubled each time up to
 *       {@code max-retry-delay}, default 1m (max 1h)</li>
 *   <li>{@code max-attempts}: after this many failed attempts the e-mail is given up (emailed_to 0, the last error
 *       kept), default 10</li>
 * </ul>
 */
@ConfigurationProperties("motcua.report.tasks.reminders")
public class ReminderSettings {

    private List<Duration> before = List.of(Duration.ofDays(1), Duration.ofHours(2));
    private boolean overdueToLeader = true;
    private boolean sweepEnabled = true;
    private Duration sweepInterval = Duration.ofSeconds(30);
    private int batch = 500;
    private Duration retryDelay = Duration.ofMinutes(1);
    private Duration maxRetryDelay = Duration.ofHours(1);
    private int maxAttempts = 10;

    public ReminderPolicy policy() {
        return new ReminderPolicy(before, overdueToLeader);
    }

    /** How long after the {@code attempts}-th failure the next attempt may be made. */
    public Duration retryAfter(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    public List<Duration> getBefore() {
        return before;
    }

    public void setBefore(List<Duration> before) {
        // checked here so a bad offset stops the service at start, not at the first sweep
        this.before = new ReminderPolicy(before, overdueToLeader).before();
    }

    public boolean isOverdueToLeader() {
        return overdueToLeader;
    }

    public void setOverdueToLeader(boolean overdueToLeader) {
        this.overdueToLeader = overdueToLeader;
    }

    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public int getBatch() {
        return batch;
    }

    public void setBatch(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("motcua.report.tasks.reminders.batch must be at least 1");
        }
        this.batch = batch;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("motcua.report.tasks.reminders.max-attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }
}
