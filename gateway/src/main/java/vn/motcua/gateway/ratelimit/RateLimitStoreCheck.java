package vn.motcua.gateway.ratelimit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.util.List;

/**
 * Refuses to start with a {@code motcua.gateway.rate-limit.store} that is neither {@code database} nor {@code memory}:
 * a misspelt store would otherwise leave every replica on its in-memory buckets without a word. Created with the
 * context ({@link Context}); the filter itself is only created at the first request.
 */
@Context
public class RateLimitStoreCheck {

    static final List<String> STORES = List.of("database", "memory");

    public RateLimitStoreCheck(@Value("${motcua.gateway.rate-limit.store:database}") String store) {
        if (!STORES.contains(store)) {
            throw new IllegalArgumentException(
                    "motcua.gateway.rate-limit.store must be one of " + STORES + ", not '" + store + "'");
        }
    }
}
