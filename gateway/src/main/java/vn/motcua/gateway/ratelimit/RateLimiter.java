package vn.motcua.gateway.ratelimit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per client key, in memory (each gateway instance limits on its own): the store
 * {@code memory}, and the fallback of {@link DatabaseRateLimiter} while its database cannot answer. At most
 * {@code motcua.gateway.rate-limit.max-clients} buckets are kept: beyond that, buckets that have refilled completely
 * are forgotten (they carry no state), and if every bucket is still in use, new clients share one overflow bucket
 * per limit, so a flood of distinct clients (spoofed subjects cannot happen: keys come from validated tokens or the
 * socket address) can neither grow the map without bound nor escape limiting.
 */
@Singleton
public class RateLimiter implements ClientLimiter {

    private static final String OVERFLOW = "overflow:";

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final int maxClients;

    @Inject
    public RateLimiter(@Value("${motcua.gateway.rate-limit.max-clients:100000}") int maxClients) {
        this(System::nanoTime, maxClients);
    }

    /** For tests: a hand-driven monotonic clock in nanoseconds. */
    public RateLimiter(LongSupplier clock, int maxClients) {
        this.clock = clock;
        this.maxClients = Math.max(1, maxClients);
    }

    /** Takes one token from the client's bucket, creating a full bucket on the client's first request. */
    @Override
    public Decision acquire(String clientKey, Limit limit) {
        long now = clock.getAsLong();
        TokenBucket bucket = buckets.get(clientKey);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                evictIdle(now);
            }
            // still full of active clients: newcomers share one bucket until room frees up
            String key = buckets.size() >= maxClients ? OVERFLOW + limit : clientKey;
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now));
        }
        return bucket.tryTake(now);
    }

    int trackedClients() {
        return buckets.size();
    }

    private void evictIdle(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
    }
}
