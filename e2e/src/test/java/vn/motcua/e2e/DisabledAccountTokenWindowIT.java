package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What disabling an account does at once and what it leaves (issue 10, finding 7; README, Security): the password
 * grant and the refresh token stop working immediately, while an access token issued before stays valid until it
 * expires, at most {@value #ACCESS_TOKEN_LIFESPAN} seconds after it was issued (the realm's accessTokenLifespan).
 */
class DisabledAccountTokenWindowIT extends SystemTest {

    /** accessTokenLifespan of deploy/keycloak/realm-motcua.json, in seconds: the documented window. */
    private static final int ACCESS_TOKEN_LIFESPAN = 300;

    private static final String PASSWORD = "Tam-Thoi#2026";

    @Test
    void aDisabledAccountCannotLogInOrRefreshAndItsOldTokenLapsesWithinTheDocumentedWindow() throws Exception {
        String username = "dis." + Long.toString(System.nanoTime(), 36);
        String id = createThrowawayOfficer(username, PASSWORD);
        HttpResponse<String> login = passwordGrant(username, PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(login.body());
        String access = tokens.path("access_token").asText();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
                .as("access token lifetime, the window after a disable")
                .isLessThanOrEqualTo(ACCESS_TOKEN_LIFESPAN);
        assertThat(tokens.path("expires_in").asLong()).isLessThanOrEqualTo(ACCESS_TOKEN_LIFESPAN);

        HttpResponse<String> disabled = post("/api/v1/admin/users/" + id + "/disable", "{}", "admin.tuky");
        assertThat(disabled.statusCode()).as(describe(disabled)).isEqualTo(200);

        HttpResponse<String> again = passwordGrant(username, PASSWORD);
        assertThat(again.statusCode())
                .as("password grant after disable: " + again.body())
                .isIn(400, 401);
        HttpResponse<String> refreshed = tokenRequest(
                platform.tokenUrl(),
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        LOGIN_CLIENT,
                        "client_secret",
                        LOGIN_CLIENT_SECRET,
                        "refresh_token",
                        tokens.path("refresh_token").asText()));
        assertThat(refreshed.statusCode())
                .as("refresh after disable: " + refreshed.body())
                .isIn(400, 401);

        // the documented window: the gateway checks the signature and expiry only, so the old token still works
        HttpResponse<String> old = http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/procedures?unitCode=11077"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + access)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).as(describe(old)).isEqualTo(200);
    }
}
