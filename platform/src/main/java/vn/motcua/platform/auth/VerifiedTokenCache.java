package vn.motcua.platform.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed {@link JwtValidator}'s full check, so that a token sent again is not verified again: the RSA
 * signature check and the JSON parsing were half the cost of an authenticated read (issue 9), paid once in the gateway
 * and once more in each service.
 *
 * <ul>
 *   <li>The key is the SHA-256 of the compact token, never the token: a different token, even by one byte (another
 *       signature on the same claims), is a miss and gets the full check. The cached {@link Caller} holds no token
 *       either; the caller's own token is put back on a hit.</li>
 *   <li>An entry is good only inside the validity the full check accepted ({@code exp} plus the validator's clock
 *       skew, and {@code nbf} minus it), tested against the clock on every hit; past it the entry is dropped and the
 *       token gets the full check, which refuses it.</li>
 *   <li>Only tokens that passed are stored; a refused token is checked again every time.</li>
 *   <li>At most {@code maxEntries} entries: when full, expired entries go first, then about a tenth of the rest,
 *       chosen by hash order (random, as the keys are hashes), so a flood of distinct tokens costs no more than
 *       without the cache.</li>
 * </ul>
 *
 * What the cache cannot do: a key removed from the realm's JWKS keeps its tokens valid here until they expire (at
 * most the realm's access token lifespan), the same window a disabled account already has.
 */
final class VerifiedTokenCache {

    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<TokenHash, Entry> entries;

    /** A verified caller (without its token) and the interval, in epoch milliseconds, in which it may be served. */
    private record Entry(Caller caller, long validFromMillis, long validUntilMillis) {}

    /** SHA-256 of the token, as four longs: cheap equals and hashCode, no array identity. */
    record TokenHash(long a, long b, long c, long d) {

        /** @return null if the token is not plain ASCII (no compact JWS is), so it is never cached */
        static TokenHash of(String token) {
            for (int i = 0; i < token.length(); i++) {
                if (token.charAt(i) > 0x7f) {
                    return null;
                }
            }
            ByteBuffer digest = ByteBuffer.wrap(sha256().digest(token.getBytes(StandardCharsets.US_ASCII)));
            return new TokenHash(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    VerifiedTokenCache(int maxEntries, Clock clock) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("a cache needs room; use no cache to disable it");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, 1024) * 4 / 3 + 1);
    }

    /** @return the verified caller carrying {@code token}, or null if the token must be fully checked */
    Caller get(TokenHash key, String token) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        long now = clock.millis();
        if (now >= entry.validUntilMillis() || now <= entry.validFromMillis()) {
            entries.remove(key, entry);
            return null;
        }
        Caller c = entry.caller();
        return new Caller(c.subject(), c.username(), c.roles(), c.unitCode(), c.citizenId(), c.clientId(), token);
    }

    /**
     * Remembers a caller whose token just passed the full check.
     *
     * @param validFromMillis  last instant before the check accepts the token (nbf minus skew, or Long.MIN_VALUE)
     * @param validUntilMillis first instant the check would refuse the token (exp plus skew)
     */
    void put(TokenHash key, Caller caller, long validFromMillis, long validUntilMillis) {
        Caller withoutToken = new Caller(
                caller.subject(),
                caller.username(),
                caller.roles(),
                caller.unitCode(),
                caller.citizenId(),
                caller.clientId(),
                null);
        Entry entry = new Entry(withoutToken, validFromMillis, validUntilMillis);
        // only misses get here, each after a signature check that costs far more than this lock: keep the bound exact
        synchronized (this) {
            if (entries.size() >= maxEntries && !entries.containsKey(key)) {
                makeRoom();
            }
            entries.put(key, entry);
        }
    }

    int size() {
        return entries.size();
    }

    private void makeRoom() {
        long now = clock.millis();
        entries.values().removeIf(e -> now >= e.validUntilMillis());
        if (entries.size() < maxEntries) {
            return;
        }
        int toDrop = Math.max(1, maxEntries / 10);
        Iterator<TokenHash> keys = entries.keySet().iterator();
        while (toDrop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
