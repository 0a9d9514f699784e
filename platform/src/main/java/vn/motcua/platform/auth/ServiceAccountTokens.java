package vn.motcua.platform.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A service's own access token from Keycloak's client-credentials grant, cached until shortly before it expires.
 * Used for background work (feed consumers) where no caller token exists.
 * Settings {@code motcua.service-account.*}: token-uri, client-id, client-secret (from the environment:
 * MOTCUA_SERVICE_ACCOUNT_CLIENT_SECRET).
 */
@Singleton
@Requires(property = "motcua.service-account.client-id")
public class ServiceAccountTokens implements Supplier<String> {

    private final Settings settings;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant refreshAt = Instant.EPOCH;

    public ServiceAccountTokens(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(refreshAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.getClientId()) + "&client_secret="
                + encode(settings.getClientSecret() == null ? "" : settings.getClientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getTokenUri()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.readValue(response.body(), Map.class);
            token = String.valueOf(body.get("access_token"));
            long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
            refreshAt = Instant.now().plusSeconds(Math.max(5, expiresIn - 30));
        } catch (IOException e) {
            throw new IllegalStateException("could not obtain a service-account token", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while obtaining a service-account token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ConfigurationProperties("motcua.service-account")
    public static class Settings {
        private String tokenUri;
        private String clientId;
        private String clientSecret;

        public String getTokenUri() {
            return tokenUri;
        }

        public void setTokenUri(String tokenUri) {
            this.tokenUri = tokenUri;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getClientSecret() {
            return clientSecret;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }
    }
}
