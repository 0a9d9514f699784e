package vn.motcua.platform.auth;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The cache of verified bearer tokens ({@code motcua.auth.token-cache.*}), used by {@link JwtValidator} in the
 * gateway and in every service.
 * <ul>
 *   <li>{@code max-entries}: how many verified tokens are kept, default {@value #DEFAULT_MAX_ENTRIES}; 0 disables
 *       the cache (every request verifies the signature again)</li>
 * </ul>
 */
@ConfigurationProperties("motcua.auth.token-cache")
public class TokenCacheConfiguration {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private int maxEntries = DEFAULT_MAX_ENTRIES;

    public int getMaxEntries() {
        return maxEntries;
    }

    public void setMaxEntries(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("motcua.auth.token-cache.max-entries must be 0 or more: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }
}
