package vn.motcua.gateway.ratelimit;

/**
 * Decides whether one more request of a client fits its limit ({@code motcua.gateway.rate-limit.store}): the shared
 * {@link DatabaseRateLimiter} (default) or this replica's in-memory {@link RateLimiter}.
 */
public interface ClientLimiter {

    /** Takes one request from the client's allowance; a client seen for the first time starts with a full burst. */
    Decision acquire(String clientKey, Limit limit);
}
