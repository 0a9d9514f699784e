package vn.motcua.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real MotCua (Keycloak + every jar, mysql mode, free ports) per system-test class, started through
 * scripts/platform.sh like ./motcua up; on a failure the logs are printed and the work directory is kept.
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
    protected volatile boolean failed;

    @RegisterExtension
    final TestWatcher failureFlag = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeAll
    void startPlatform() throws Exception {
        Path root = Path.of(System.getProperty("motcua.root", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("scripts/platform.sh")).as("launcher under motcua.root").exists();
        for (String service : Platform.SERVICES) {
            Path jar = root.resolve(service).resolve("target").resolve(service + ".jar");
            assertThat(Files.isRegularFile(jar))
                    .as("%s is built (./mvnw -DskipTests package)", jar).isTrue();
        }
        platform = new Platform(root);
        try {
            platform.start();
        } catch (Throwable e) {
            failed = true;
            throw e;
        }
    }

    @AfterAll
    void stopPlatform() throws Exception {
        if (platform == null) {
            return;
        }
        if (failed) {
            platform.printLogs();
        }
        platform.stop();
        if (!failed) {
            platform.deleteWorkDir();
        } else {
            System.out.println("[e2e] kept " + platform.work + " for inspection (logs in "
                    + platform.varDir.resolve("log") + ")");
        }
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

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
