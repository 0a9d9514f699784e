package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    /** The confidential client that scripts and tests log in with (password grant; no service account). */
    protected static final String LOGIN_CLIENT = "motcua-gateway";

    protected static final String LOGIN_CLIENT_SECRET = "motcua-gateway-demo-secret";
    /** A cached token is fetched again when less than this is left of its lifetime. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    protected final ObjectMapper json = new ObjectMapper();
    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, CachedToken> tokens = new HashMap<>();

    protected Platform platform;

    @RegisterExtension
    static final SharedPlatform SHARED = new SharedPlatform();

    @BeforeAll
    void startPlatform() throws Exception {
        platform = SHARED.platform();
    }

    /**
     * A demo user's access token from the real Keycloak (password grant, client motcua-gateway), cached until a
     * minute before it expires (access tokens live 5 minutes in the demo realm, less than some classes run).
     */
    protected String token(String username) throws IOException, InterruptedException {
        CachedToken cached = tokens.get(username);
        if (cached != null && Instant.now().isBefore(cached.expires().minus(TOKEN_MARGIN))) {
            return cached.token();
        }
        HttpResponse<String> response = passwordGrant(username, DEMO_PASSWORD);
        assertThat(response.statusCode())
                .as("password grant for %s: %s", username, response.body())
                .isEqualTo(200);
        JsonNode grant = json.readTree(response.body());
        String token = grant.path("access_token").asText();
        assertThat(token).as("access_token for %s", username).isNotBlank();
        tokens.put(
                username,
                new CachedToken(
                        token,
                        Instant.now().plusSeconds(grant.path("expires_in").asLong(0))));
        return token;
    }

    private record CachedToken(String token, Instant expires) {}

    protected HttpResponse<String> passwordGrant(String username, String password)
            throws IOException, InterruptedException {
        return tokenRequest(
                platform.tokenUrl(),
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        LOGIN_CLIENT,
                        "client_secret",
                        LOGIN_CLIENT_SECRET,
                        "username",
                        username,
                        "password",
                        password));
    }

    /** A form POST to a token endpoint of the run's Keycloak. */
    protected HttpResponse<String> tokenRequest(String tokenUrl, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                .append(enc(k))
                .append('=')
                .append(enc(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A token of Keycloak's own administrator (realm master, admin-cli): to look at Keycloak's side in tests. */
    protected String keycloakAdminToken() throws IOException, InterruptedException {
        HttpResponse<String> grant = tokenRequest(
                "http://127.0.0.1:" + platform.keycloakPort + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertThat(grant.statusCode()).as("master admin token: " + grant.body()).isEqualTo(200);
        return json.readTree(grant.body()).path("access_token").asText();
    }

    /** GET on Keycloak's admin REST API (path below /admin/realms/) with the given bearer token. */
    protected HttpResponse<String> keycloakAdminGet(String path, String bearer)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + platform.keycloakPort + "/admin/realms/" + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * A throwaway specialist of commune 11077 created through the gateway's user administration by admin.tuky
     * (password not temporary): for tests that lock, disable or otherwise spoil an account. Returns its id.
     */
    protected String createThrowawayOfficer(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> created =
                post("/api/v1/admin/users", """
                {"username":"%s","email":"%s@motcua.local","firstName":"Thử","lastName":"Nghiệm",
                 "unitCode":"11077","role":"specialist","password":"%s","temporaryPassword":false}""".formatted(username, username, password), "admin.tuky");
        assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
        return json.readTree(created.body()).path("id").asText();
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

    /** POST /api/v1/documents with the file as the body; the query names the scope and the file name. */
    protected HttpResponse<String> upload(String query, byte[] file, String user)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/documents?" + query))
                        .timeout(Duration.ofMinutes(2))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/pdf")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Authorization", "Bearer " + token(user))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Attaches a validly signed electronic result to a dossier in process, as dossier-service requires before the
     * result is issued (issue 12; motcua.dossier.result.require-electronic-result, on in production and here):
     * {@code officer} (a specialist of the handling unit: one who may both upload the dossier's files and attach its
     * result) uploads {@link TrustedSigning#resultPdf()} as {@code ket-qua.pdf} and attaches it. Answers the document
     * id.
     */
    protected String attachSignedResult(String dossierCode, String officer) throws IOException, InterruptedException {
        HttpResponse<String> uploaded =
                upload("dossier=" + enc(dossierCode) + "&fileName=ket-qua.pdf", TrustedSigning.resultPdf(), officer);
        assertThat(uploaded.statusCode()).as(describe(uploaded)).isEqualTo(201);
        String documentId = json.readTree(uploaded.body()).path("id").asText();
        HttpResponse<String> attached =
                post("/api/v1/dossiers/" + dossierCode + "/result", "{\"documentId\":\"" + documentId + "\"}", officer);
        assertThat(attached.statusCode()).as(describe(attached)).isEqualTo(200);
        assertThat(json.readTree(attached.body())
                        .path("signature")
                        .path("verdict")
                        .asText())
                .as(describe(attached))
                .isEqualTo("VALID");
        return documentId;
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
