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
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;

/**
 * Validates Keycloak access tokens against the realm's JWKS: signature, issuer, audience, expiry.
 * Keys are fetched lazily and cached, so a service may start before Keycloak is up.
 */
@Singleton
public class JwtValidator {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtValidator(AuthConfiguration config) {
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
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                // nimbus probes these sets with contains(null), which immutable Set.of rejects
                new HashSet<>(List.of(config.getAudience())),
                new JWTClaimsSet.Builder().issuer(config.getIssuer()).build(),
                new HashSet<>(List.of("sub", "exp", "iat")),
                new HashSet<>());
        verifier.setMaxClockSkew(config.getClockSkewSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
    }

    /** @throws DomainException UNAUTHENTICATED with reason TOKEN_INVALID when anything is wrong with the token */
    public Caller validate(String token) {
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
        return toCaller(claims, token);
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
