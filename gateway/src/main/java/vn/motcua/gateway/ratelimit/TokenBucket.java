package vn.motcua.gateway.ratelimit;

/**
 * A classic token bucket: holds at most {@code burst} tokens, refills at {@code requestsPerSecond}, and every request
 * takes one. Time is whatever monotonic nanosecond clock the caller passes in, so tests drive it by hand.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(Limit limit, long now) {
        this.capacity = limit.burst();
        this.tokensPerNano = limit.requestsPerSecond() / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes a token if there is one; otherwise says how long until there will be. */
    synchronized Decision tryTake(long now) {
        refill(now);
        if (tokens >= 1d) {
            tokens -= 1d;
            return Decision.allowed((int) Math.floor(tokens));
        }
        long waitNanos = (long) Math.ceil((1d - tokens) / tokensPerNano);
        return Decision.denied(waitNanos);
    }

    /** True when the bucket has refilled completely: forgetting it loses nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - lastRefill;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            lastRefill = now;
        }
    }
}
