package vn.motcua.platform.lease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named lease as seen by this process ({@link Leases#named}): {@link #held()} says whether this process may do
 * the work the lease guards, renewing or trying to take the lease in the database at most once per
 * {@code renew-interval}. Work whose correctness must not depend on a lease (the feed relay, the exactly-once feed
 * consumer) uses it only to keep other replicas from doing the same work in vain.
 */
public final class Lease {

    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

    private final LeaseStore store;
    private final String name;
    private final String holder;
    private final LeaseConfiguration config;
    // volatile: heldNow() reads it from a metrics scrape without taking the lock that held() keeps during a
    // database round trip
    private volatile long heldUntilNanos;
    private long nextAttemptNanos;
    private boolean attempted;
    private boolean wasHeld;

    Lease(LeaseStore store, String name, String holder, LeaseConfiguration config) {
        this.store = store;
        this.name = name;
        this.holder = holder;
        this.config = config;
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }

    /** True while this process holds the lease; takes or renews it in the database when due. */
    public synchronized boolean held() {
        long now = System.nanoTime();
        if (!attempted || now - nextAttemptNanos >= 0) {
            attempted = true;
            nextAttemptNanos = now + config.getRenewInterval().toNanos();
            try {
                if (store.tryAcquire(name, holder, config.getDuration())) {
                    // the expiry written is at least now + duration on this clock; count on it a tolerance less
                    heldUntilNanos = now
                            + config.getDuration()
                                    .minus(config.getClockTolerance())
                                    .toNanos();
                } else {
                    heldUntilNanos = now;
                }
            } catch (RuntimeException e) {
                // the database is away: a lease held so far stays ours until it would lapse, nobody can take it before
                LOG.warn("Lease {}: could not renew or take it: {}", name, e.toString());
            }
        }
        boolean held = System.nanoTime() - heldUntilNanos < 0;
        if (held != wasHeld) {
            LOG.info("Lease {} {} by {}", name, held ? "taken" : "lost", holder);
            wasHeld = held;
        }
        return held;
    }

    /**
     * Whether this process counts on the lease at this instant, without renewing or taking it: for metrics, which
     * must not keep a lease alive for a worker that stopped asking for it.
     */
    public boolean heldNow() {
        return System.nanoTime() - heldUntilNanos < 0;
    }

    /** Gives the lease up (on shutdown), so another replica takes over at its next try rather than at expiry. */
    public synchronized void release() {
        heldUntilNanos = System.nanoTime();
        wasHeld = false;
        try {
            store.release(name, holder);
        } catch (RuntimeException e) {
            LOG.warn("Lease {}: could not release it, it lapses by itself: {}", name, e.toString());
        }
    }
}
