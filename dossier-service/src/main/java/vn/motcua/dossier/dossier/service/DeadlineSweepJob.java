package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeadlineSweep} every {@code motcua.dossier.sweep-interval} (default 5 minutes). Switched off with
 * {@code motcua.dossier.sweep-enabled: false} (tests drive the sweep directly). Safe on several replicas.
 */
@Singleton
@Requires(property = "motcua.dossier.sweep-enabled", notEquals = "false")
public class DeadlineSweepJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweepJob.class);

    private final DeadlineSweep sweep;
    private final Clock clock;

    public DeadlineSweepJob(DeadlineSweep sweep, Clock clock) {
        this.sweep = sweep;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelay = "${motcua.dossier.sweep-interval:5m}",
            initialDelay = "${motcua.dossier.sweep-initial-delay:1m}")
    void run() {
        try {
            int events = sweep.sweep(clock.instant());
            if (events > 0) {
                LOG.info("deadline sweep announced {} crossing(s)", events);
            } else {
                LOG.debug("deadline sweep: no crossing");
            }
        } catch (RuntimeException e) {
            // the next run retries; crossings are announced by state, so nothing is lost
            LOG.warn("deadline sweep failed", e);
        }
    }
}
