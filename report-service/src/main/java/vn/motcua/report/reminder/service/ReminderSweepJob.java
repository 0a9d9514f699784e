package vn.motcua.report.reminder.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * Runs the {@link ReminderSweep} every {@code motcua.report.tasks.reminders.sweep-interval} (default 30s) on the
 * replica holding the database lease {@value #LEASE}; the others skip their turn. Giving each reminder once rests on
 * the dedup key and the e-mail claim, not on the lease: it only keeps replicas from doing the same work in vain.
 * Off with {@code motcua.report.tasks.reminders.sweep-enabled: false} (tests drive the sweep directly).
 */
@Singleton
@Requires(property = "motcua.report.tasks.reminders.sweep-enabled", notEquals = "false")
public class ReminderSweepJob {

    /** The lease name in platform_lease. */
    public static final String LEASE = "task-reminders";

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweepJob.class);

    private final ReminderSweep sweep;
    private final Lease lease;

    public ReminderSweepJob(ReminderSweep sweep, Leases leases) {
        this.sweep = sweep;
        this.lease = leases.named(LEASE);
    }

    @Scheduled(
            fixedDelay = "${motcua.report.tasks.reminders.sweep-interval:30s}",
            initialDelay = "${motcua.report.tasks.reminders.sweep-initial-delay:10s}")
    void run() {
        if (!lease.held()) {
            LOG.debug("task reminders: lease {} held by another replica, skipping this turn", LEASE);
            return;
        }
        try {
            sweep.sweep(lease::held);
        } catch (RuntimeException e) {
            // the next turn retries: what is due is found again from the tables, nothing is lost
            LOG.warn("task reminder sweep failed", e);
        }
    }

    /** On a clean shutdown another replica sweeps at its next turn instead of after the lease lapses. */
    @PreDestroy
    void shutdown() {
        lease.release();
    }
}
