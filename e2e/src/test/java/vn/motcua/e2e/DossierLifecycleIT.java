package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A counter dossier through its whole life over the gateway's workflow routes, with real Keycloak tokens of the demo
 * users of Ngọc Sơn (11077): reception → transfer → assign (leader) → appraise and submit for approval (specialist)
 * → approve (leader) → issue result (clerk) → return result (reception) → rating by the applicant, who then reads
 * every step on the timeline and downloads the receipt (Form 01) as PDF. Same platform start-up as ReceptionSliceIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierLifecycleIT {

    private static final String PASSWORD = "MotCua@2026";
    private static final String CLIENT_ID = "motcua-gateway";
    private static final String CLIENT_SECRET = "motcua-gateway-demo-secret";
    private static final String RECEPTION = "mc.ngocson";
    private static final String SPECIALIST = "cv.ngocson";
    private static final String LEADER = "ld.ngocson";
    private static final String CLERK = "vt.ngocson";
    private static final String CITIZEN = "congdan.an";
    private static final String DOSSIER = """
            {"procedureCode":"1.001193",
             "applicant":{"fullName":"Nguyễn Văn An","citizenId":"030090001234","phone":"0912345678",
                          "email":"an@example.vn","address":"Thôn Đông, xã Ngọc Sơn"},
             "channel":"COUNTER"}""";
    /** The events the timeline must show, in this order (other entries may sit between them). */
    private static final List<String> EVENTS = List.of("RECEIVE_AT_COUNTER", "TRANSFER", "ASSIGN", "APPRAISE",
            "SUBMIT_FOR_APPROVAL", "APPROVE", "ISSUE_RESULT", "RETURN_RESULT");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> tokens = new HashMap<>();

    private Platform platform;
    private volatile boolean failed;
    private String code;

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

    @Test
    @Order(1)
    void receptionOfficerReceivesAtTheCounter() throws Exception {
        HttpResponse<String> response = post("/api/v1/dossiers", DOSSIER, RECEPTION);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("RECEIVED");
        code = body.path("code").asText();
        assertThat(code).matches("^[A-Z0-9.]+-\\d{6}-\\d{4}$");
    }

    @Test
    @Order(2)
    void citizenIsRefusedOnOfficerActionsAtTheGateway() throws Exception {
        assumeTrue(code != null, "needs the dossier received above");
        HttpResponse<String> response = action("transfer", "", CITIZEN);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(403);
        assertThat(json.readTree(response.body()).path("reason").asText()).isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    @Order(3)
    void theDossierGoesThroughEveryStep() throws Exception {
        assumeTrue(code != null, "needs the dossier received above");
        step("transfer", "", RECEPTION, "IN_PROCESS");
        step("steps", "{\"step\":\"ASSIGN\",\"target\":\"" + SPECIALIST + "\",\"note\":\"Giao chuyên viên\"}",
                LEADER, "IN_PROCESS");
        step("steps", "{\"step\":\"APPRAISE\",\"note\":\"Hồ sơ hợp lệ\"}", SPECIALIST, "IN_PROCESS");
        step("steps", "{\"step\":\"SUBMIT_FOR_APPROVAL\",\"note\":\"Trình ký\"}", SPECIALIST, "IN_PROCESS");
        step("steps", "{\"step\":\"APPROVE\"}", LEADER, "IN_PROCESS");
        step("issue-result", "{\"resultNote\":\"Giấy khai sinh số 12\"}", CLERK, "RESULT_READY");
        step("return-result", "{\"channel\":\"COUNTER\"}", RECEPTION, "RETURNED");
    }

    @Test
    @Order(4)
    void anIllegalTransitionIsAConflict() throws Exception {
        assumeTrue(code != null, "needs the dossier received above");
        HttpResponse<String> response = action("transfer", "", RECEPTION);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(409);
        assertThat(json.readTree(response.body()).path("reason").asText()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    @Order(5)
    void theApplicantRatesTheHandling() throws Exception {
        assumeTrue(code != null, "needs the dossier received above");
        HttpResponse<String> response = action("rate", """
                {"timeScore":5,"contactsScore":5,"agenciesScore":4,"attitudeScore":5,"satisfied":true,
                 "comment":"Nhanh, chu đáo"}""", CITIZEN);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("code").asText()).isEqualTo(code);
    }

    @Test
    @Order(6)
    void theApplicantSeesEveryStepOnTheTimeline() throws Exception {
        assumeTrue(code != null, "needs the dossier received above");
        HttpResponse<String> response = get("/api/v1/dossiers/" + code + "/timeline", CITIZEN);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("dossier").path("status").asText()).isEqualTo("RETURNED");
        List<String> events = new ArrayList<>();
        for (JsonNode entry : body.path("entries")) {
            events.add(entry.path("event").asText());
            assertThat(entry.path("at").asText()).as(entry.toString()).endsWith("Z");
            assertThat(entry.path("label").asText()).as(entry.toString()).isNotBlank();
        }
        assertThat(events).as(describe(response)).containsSubsequence(EVENTS);
        List<String> actors = new ArrayList<>();
        body.path("entries").forEach(e -> actors.add(e.path("actorUsername").asText()));
        assertThat(actors).contains(RECEPTION, LEADER, SPECIALIST, CLERK);

        HttpResponse<String> mine = get("/api/v1/citizen/dossiers", CITIZEN);
        assertThat(mine.statusCode()).as(describe(mine)).isEqualTo(200);
        assertThat(mine.body()).contains(code);
    }

    @Test
    @Order(7)
    void theApplicantDownloadsTheReceiptAsPdf() throws Exception {
        assumeTrue(code != null, "needs the dossier received above");
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/dossiers/" + code
                        + "/forms/receipt"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(CITIZEN))
                .GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"").contains(code);
        assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void step(String action, String body, String user, String status) throws Exception {
        HttpResponse<String> response = action(action, body, user);
        assertThat(response.statusCode()).as(action + " as " + user + ": " + describe(response)).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asText()).as(action).isEqualTo(status);
    }

    private HttpResponse<String> action(String action, String body, String user) throws Exception {
        return post("/api/v1/dossiers/" + code + ":" + action, body, user);
    }

    private String token(String username) throws IOException, InterruptedException {
        String cached = tokens.get(username);
        if (cached != null) {
            return cached;
        }
        String form = "grant_type=password&client_id=" + enc(CLIENT_ID) + "&client_secret=" + enc(CLIENT_SECRET)
                + "&username=" + enc(username) + "&password=" + enc(PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("password grant for %s: %s", username, response.body()).isEqualTo(200);
        String token = json.readTree(response.body()).path("access_token").asText();
        assertThat(token).as("access_token for %s", username).isNotBlank();
        tokens.put(username, token);
        return token;
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(user))
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String body, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + token(user))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String describe(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        return r.request().method() + " " + r.uri().getPath() + " -> " + r.statusCode() + " "
                + r.headers().firstValue("Content-Type").orElse("(no content type)") + " "
                + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
