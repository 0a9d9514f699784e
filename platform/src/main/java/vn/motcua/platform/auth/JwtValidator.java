package vn.motcua.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;

/**
 * Validates Keycloak access tokens against the realm's JWKS: signature, issuer, audience, expiry.
 * Keys are fetched lazily and cached, so a service may start before Keycloak is up. Tokens that passed are kept in a
 * {@link VerifiedTokenCache} until they expire ({@code motcua.auth.token-cache.max-entries}), so a token sent again
 * costs a hash and a map lookup instead of a signature check.
 */
@Singleton
public class JwtValidator {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final long clockSkewMillis;
    private final VerifiedTokenCache cache;

    @Inject
    public JwtValidator(AuthConfiguration config, TokenCacheConfiguration cache) {
        this(config, cache.getMaxEntries(), Clock.systemUTC());
    }

    /** With the default cache, for tests and tools. */
    public JwtValidator(AuthConfiguration config) {
        this(config, TokenCacheConfiguration.DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    /**
     * @param cacheMaxEntries 0 for no cache
     * @param clock           the time both the full check and the cache judge expiry by
     */
    JwtValidator(AuthConfiguration config, int cacheMaxEntries, Clock clock) {
        this.clockSkewMillis = config.getClockSkewSeconds() * 1000L;
        this.cache = cacheMaxEntries > 0 ? new VerifiedTokenCache(cacheMaxEntries, clock) : null;
        JWKSource<SecurityContext> keys;
        try {
            // nimbus defaults to 500 ms timeouts, too short for Keycloak or a loaded 2-core machine
            keys = JWKSourceBuilder.create(
                            URI.create(config.getJwksUri()).toURL(),
                            new DefaultResourceRetriever(5_000, 5_000, 256 * 1024))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("motcua.auth.jwks-uri is not a URL: " + config.getJwksUri(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(
                        JWSAlgorithm.RS256,
                        JWSAlgorithm.RS384,
                        JWSAlgorithm.RS512,
                        JWSAlgorithm.PS256,
                        JWSAlgorithm.ES256),
                keys));
        DefaultJWTClaimsVerifier<SecurityContext> verifier =
                new DefaultJWTClaimsVerifier<>(
                        // nimbus probes these sets with contains(null), which immutable Set.of rejects
                        new HashSet<>(List.of(config.getAudience())),
                        new JWTClaimsSet.Builder().issuer(config.getIssuer()).build(),
                        new HashSet<>(List.of("sub", "exp", "iat")),
                        new HashSet<>()) {
                    @Override
                    protected Date currentTime() {
                        // the same clock as the cache's, so both agree on when a token has expired
                        return new Date(clock.millis());
                    }
                };
        verifier.setMaxClockSkew(config.getClockSkewSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
    }

    /** @throws DomainException UNAUTHENTICATED with reason TOKEN_INVALID when anything is wrong with the token */
    public Caller validate(String token) {
        VerifiedTokenCache.TokenHash key = cache == null ? null : VerifiedTokenCache.TokenHash.of(token);
        if (key != null) {
            Caller cached = cache.get(key, token);
            if (cached != null) {
                return cached;
            }
        }
        JWTClaimsSet claims = verify(token);
        Caller caller = toCaller(claims, token);
        if (key != null) {
            cache.put(key, caller, validFromMillis(claims), validUntilMillis(claims));
        }
        return caller;
    }

    /** How many verified tokens are cached now (0 when the cache is off). */
    int cachedTokens() {
        return cache == null ? 0 : cache.size();
    }

    /** The instants the full check's own rules accept: {@code exp} and {@code nbf} widened by the clock skew. */
    private long validUntilMillis(JWTClaimsSet claims) {
        // exp is required, so a verified token always has one
        return claims.getExpirationTime().getTime() + clockSkewMillis;
    }

    private long validFromMillis(JWTClaimsSet claims) {
        Date notBefore = claims.getNotBeforeTime();
        return notBefore == null ? Long.MIN_VALUE : notBefore.getTime() - clockSkewMillis;
    }

    private JWTClaimsSet verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException e) {
            throw DomainException.unauthenticated(ErrorReason.TOKEN_INVALID, "the bearer token is not valid");
        } catch (JOSEException e) {
            // key retrieval failed: the identity provider is unreachable, not the caller's fault
            throw DomainException.unavailable(
                    ErrorReason.IDENTITY_PROVIDER_UNAVAILABLE, "token keys could not be loaded");
        }
        return claims;
    }

    static Caller toCaller(JWTClaimsSet claims, String token) {
        return new Caller(
                claims.getSubject(),
                stringClaim(claims, "preferred_username"),
                realmRoles(claims),
                stringClaim(claims, "unit_code"),
                stringClaim(claims, "citizen_id"),
                stringClaim(claims, "azp"),
                token);
    }

    private static Set<String> realmRoles(JWTClaimsSet claims) {
        Object realmAccess = claims.getClaim("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            Set<String> result = new LinkedHashSet<>();
            roles.forEach(r -> result.add(String.valueOf(r)));
            return result;
        }
        return Set.of();
    }

    /** Keycloak emits a single-valued attribute as a string, a multivalued one as an array: take the first. */
    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return value == null ? null : String.valueOf(value);
    }
}
