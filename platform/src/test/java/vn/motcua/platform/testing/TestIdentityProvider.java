package vn.motcua.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for the Keycloak realm in integration tests: signs tokens shaped like Keycloak's (realm_access.roles,
 * unit_code, citizen_id, azp, aud) with a local RSA key, serves that key as JWKS and answers the
 * client-credentials grant, over real HTTP on a free loopback port.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String REALM_PATH = "/realms/motcua";
    public static final String AUDIENCE = "motcua-api";

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final Map<String, Set<String>> serviceAccountRoles = new HashMap<>();

    private TestIdentityProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                REALM_PATH + "/protocol/openid-connect/certs",
                exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", this::token);
        server.start();
    }

    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("could not start the test identity provider", e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String tokenUri() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Properties for {@code motcua.auth.*} pointing services at this provider. */
    public Map<String, String> authProperties() {
        return Map.of("motcua.auth.issuer", issuer(), "motcua.auth.audience", AUDIENCE);
    }

    /** Registers a service-account client for the client-credentials grant. */
    public TestIdentityProvider serviceAccount(String clientId, Set<String> roles) {
        serviceAccountRoles.put(clientId, roles);
        return this;
    }

    public String officer(String username, String unitCode, String... roles) {
        return sign(
                claims(username, Set.of(roles), unitCode, null, "motcua-gateway")
                        .build(),
                key);
    }

    public String citizen(String username, String citizenId) {
        return sign(
                claims(username, Set.of("citizen"), null, citizenId, "motcua-gateway")
                        .build(),
                key);
    }

    public String serviceAccountToken(String clientId) {
        return sign(
                claims(
                                "service-account-" + clientId,
                                serviceAccountRoles.getOrDefault(clientId, Set.of()),
                                null,
                                null,
                                clientId)
                        .build(),
                key);
    }

    /** Full control for negative tests: start from valid claims and change what the test is about. */
    public JWTClaimsSet.Builder claims(
            String username, Set<String> roles, String unitCode, String citizenId, String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                        .toString())
                .audience(List.of(AUDIENCE, "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("azp", clientId)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)));
        if (unitCode != null) {
            builder.claim("unit_code", unitCode);
        }
        if (citizenId != null) {
            builder.claim("citizen_id", citizenId);
        }
        return builder;
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signed by a key the JWKS does not publish (same key id): must be rejected. */
    public String signWithStrangerKey(JWTClaimsSet claims) {
        return sign(claims, strangerKey);
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String clientId = form.get("client_id");
        if (!"client_credentials".equals(form.get("grant_type")) || !serviceAccountRoles.containsKey(clientId)) {
            respond(exchange, 401, "{\"error\":\"unauthorized_client\"}");
            return;
        }
        respond(
                exchange,
                200,
                "{\"access_token\":\"" + serviceAccountToken(clientId)
                        + "\",\"expires_in\":900,\"token_type\":\"Bearer\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
