package vn.motcua.gateway.ratelimit;

import java.util.concurrent.TimeUnit;

/** The answer for one request: allowed, or refused with the wait until the next token. */
public record Decision(boolean allowed, int remaining, long waitNanos) {

    static Decision allowed(int remaining) {
        return new Decision(true, remaining, 0);
    }

    static Decision denied(long waitNanos) {
        return new Decision(false, 0, waitNanos);
    }

    /** Whole seconds for a Retry-After header: rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
