package vn.motcua.gateway.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * Deletes full buckets from {@code gateway_rate_limit} every {@code motcua.gateway.rate-limit.sweep-interval}, on the
 * one replica holding the lease {@value #LEASE}: the table then holds only clients seen within their last burst, not
 * every address that ever called. Two sweeps at once (a holder paused past its lease) would only delete the same rows.
 * A row is deleted only once its time is older than now minus the lease clock tolerance, so a replica whose clock is
 * behind by less than that never finds a bucket it still counts on gone.
 */
@Singleton
@Requires(property = "motcua.gateway.rate-limit.store", value = "database", defaultValue = "database")
public class RateLimitSweep {

    static final String LEASE = "gateway-rate-limit-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitSweep.class);

    private final DatabaseRateLimiter limiter;
    private final Lease lease;
    private final Duration clockTolerance;

    public RateLimitSweep(DatabaseRateLimiter limiter, Leases leases) {
        this.limiter = limiter;
        this.lease = leases.named(LEASE);
        this.clockTolerance = leases.configuration().getClockTolerance();
    }

    @Scheduled(
            fixedDelay = "${motcua.gateway.rate-limit.sweep-interval:1m}",
            initialDelay = "${motcua.gateway.rate-limit.sweep-interval:1m}")
    void scheduled() {
        try {
            sweepIfLeaseHeld();
        } catch (RuntimeException e) {
            // the next run tries again; the table only grows meanwhile
            LOG.warn("Rate-limit sweep failed: {}", e.toString());
        }
    }

    /** @return rows deleted, -1 when another replica holds the lease */
    int sweepIfLeaseHeld() {
        if (!lease.held()) {
            return -1;
        }
        return limiter.deleteFull(limiter.nowMicros() - clockTolerance.toNanos() / 1000);
    }

    @PreDestroy
    void close() {
        lease.release();
    }
}
