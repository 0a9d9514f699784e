package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * Runs the {@link DeadlineSweep} every {@code motcua.dossier.sweep-interval} (default 5 minutes) on the replica
 * holding the database lease {@value #LEASE} ({@code motcua.lease.*}); the others skip their turn. Announcing each
 * crossing once rests on the sweep's compare-and-set, not on the lease: the lease only keeps several replicas from
 * reading the same candidates every interval. A pass asks again between batches, so one that outlasts the lease
 * stops once another replica may have taken over. Switched off with {@code motcua.dossier.sweep-enabled: false}
 * (tests drive the sweep directly).
 */
@Singleton
@Requires(property = "motcua.dossier.sweep-enabled", notEquals = "false")
public class DeadlineSweepJob {

    /** The lease name in {@code platform_lease}. */
    public static final String LEASE = "deadline-sweep";

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweepJob.class);

    private final DeadlineSweep sweep;
    private final Clock clock;
    private final Lease lease;

    public DeadlineSweepJob(DeadlineSweep sweep, Clock clock, Leases leases) {
        this.sweep = sweep;
        this.clock = clock;
        this.lease = leases.named(LEASE);
    }

    @Scheduled(
            fixedDelay = "${motcua.dossier.sweep-interval:5m}",
            initialDelay = "${motcua.dossier.sweep-initial-delay:1m}")
    void run() {
        if (!lease.held()) {
            LOG.debug("deadline sweep: lease {} held by another replica, skipping this turn", LEASE);
            return;
        }
        try {
            // start and end at INFO: with several replicas the log shows which one swept when (the two-replica test
            // reads these lines to prove the passes never overlap)
            LOG.info("deadline sweep pass started (lease {})", lease.holder());
            int events = sweep.sweep(clock.instant(), lease::held);
            LOG.info("deadline sweep pass ended (lease {}): {} crossing(s) announced", lease.holder(), events);
        } catch (RuntimeException e) {
            // the next run retries; crossings are announced by state, so nothing is lost
            LOG.warn("deadline sweep failed", e);
        }
    }

    /** On a clean shutdown the next replica sweeps at its next turn instead of after the lease lapses. */
    @PreDestroy
    void shutdown() {
        lease.release();
    }
}
