package vn.motcua.platform.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;

/**
 * Token validation settings ({@code motcua.auth.*}).
 * <ul>
 *   <li>{@code issuer}: expected {@code iss}, e.g. {@code http://127.0.0.1:18480/realms/motcua}</li>
 *   <li>{@code jwks-uri}: where the realm publishes its keys; default {@code <issuer>/protocol/openid-connect/certs}</li>
 *   <li>{@code audience}: required {@code aud} value, default {@code motcua-api}</li>
 *   <li>{@code public-methods}: full gRPC method names callable without a token (a token, if sent, is still checked)</li>
 *   <li>{@code clock-skew-seconds}: tolerated clock difference, default 30</li>
 *   <li>{@code token-cache.max-entries}: see {@link TokenCacheConfiguration}</li>
 * </ul>
 */
@ConfigurationProperties("motcua.auth")
public class AuthConfiguration {

    private String issuer = "http://127.0.0.1:18480/realms/motcua";
    private String jwksUri;
    private String audience = "motcua-api";
    private List<String> publicMethods = List.of();
    private int clockSkewSeconds = 30;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getJwksUri() {
        return jwksUri != null && !jwksUri.isBlank() ? jwksUri : issuer + "/protocol/openid-connect/certs";
    }

    public void setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public List<String> getPublicMethods() {
        return publicMethods;
    }

    public void setPublicMethods(List<String> publicMethods) {
        this.publicMethods = List.copyOf(publicMethods);
    }

    public int getClockSkewSeconds() {
        return clockSkewSeconds;
    }

    public void setClockSkewSeconds(int clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
    }
}
