package vn.motcua.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real MotCua (Keycloak + every jar, mysql mode, free ports), started once through scripts/platform.sh like
 * ./motcua up and shared by every system-test class of the run: starting Keycloak and five JVMs costs about a
 * minute on two cores, which each new class would otherwise pay again. It stops when JUnit closes its root
 * store at the end of the run; if any system test failed, the logs are printed and the work directory is kept.
 * Classes must therefore assert relative changes (counts before/after), never absolute ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SystemTest {

    /** Every demo user's password (deploy/keycloak/realm-motcua.json). */
    protected static final String DEMO_PASSWORD = "MotCua@2026";
    private static final String CLIENT_ID = "motcua-gateway";
    private static final String CLIENT_SECRET = "motcua-gateway-demo-secret";

    protected final ObjectMapper json = new ObjectMapper();
    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> tokens = new HashMap<>();

    protected Platform platform;

    @RegisterExtension
    static final SharedPlatform SHARED = new SharedPlatform();

    @BeforeAll
    void startPlatform() throws Exception {
        platform = SHARED.platform();
    }

    /** A demo user's access token from the real Keycloak (password grant, client motcua-gateway), cached. */
    protected String token(String username) throws IOException, InterruptedException {
        String cached = tokens.get(username);
        if (cached != null) {
            return cached;
        }
        HttpResponse<String> response = passwordGrant(username, DEMO_PASSWORD);
        assertThat(response.statusCode()).as("password grant for %s: %s", username, response.body()).isEqualTo(200);
        String token = json.readTree(response.body()).path("access_token").asText();
        assertThat(token).as("access_token for %s", username).isNotBlank();
        tokens.put(username, token);
        return token;
    }

    protected HttpResponse<String> passwordGrant(String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + enc(CLIENT_ID) + "&client_secret=" + enc(CLIENT_SECRET)
                + "&username=" + enc(username) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET through the gateway as a demo user (null: no token), JSON accepted. */
    protected HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POST a JSON body through the gateway as a demo user (null: no token), with a fresh Idempotency-Key. */
    protected HttpResponse<String> post(String path, String body, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A one-line account of a response for assertion messages (body cut at 600 characters). */
    protected static String describe(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        return r.request().method() + " " + r.uri().getPath() + " -> " + r.statusCode() + " "
                + r.headers().firstValue("Content-Type").orElse("(no content type)") + " "
                + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
