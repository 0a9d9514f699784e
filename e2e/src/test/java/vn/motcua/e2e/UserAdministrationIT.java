package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * User administration end to end: the built jars and a real Keycloak (its own platform instance, started like
 * ReceptionSliceIT's: free ports, throwaway databases, temporary Keycloak state). admin.tuky, unit_admin of district
 * 298, creates an officer for commune 11077 through the gateway, which acts on Keycloak's admin API with its own
 * service account; the new officer then logs in with the password grant, and is disabled again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserAdministrationIT extends SystemTest {

    private static final String PASSWORD = DEMO_PASSWORD;
    private static final String USERS = "/api/v1/admin/users";
    private static final String NEW_USERNAME = "cv2.ngocson";
    private static final String NEW_PASSWORD = "KhoiTao#Ngocson2026";
    private static final Set<String> MOTCUA_ROLES = Set.of(
            "citizen",
            "reception_officer",
            "specialist",
            "unit_leader",
            "clerk",
            "tthc_controller",
            "unit_admin",
            "report_viewer");

    private String newUserId;

    @Test
    @Order(1)
    void districtAdminCreatesASpecialistForACommuneBelow() throws Exception {
        HttpResponse<String> response = send(
                "POST", USERS, token("admin.tuky", PASSWORD), """
                {"username":"%s","email":"%s@motcua.local","firstName":"Hoa","lastName":"Đinh Thị",
                 "unitCode":"11077","role":"specialist","password":"%s","temporaryPassword":false}""".formatted(NEW_USERNAME, NEW_USERNAME, NEW_PASSWORD));

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(201);
        JsonNode user = json.readTree(response.body());
        assertThat(user.path("username").asText()).isEqualTo(NEW_USERNAME);
        assertThat(user.path("unitCode").asText()).isEqualTo("11077");
        assertThat(user.path("roles").toString()).isEqualTo("[\"specialist\"]");
        newUserId = user.path("id").asText();
        assertThat(newUserId).isNotBlank();
    }

    @Test
    @Order(2)
    void theNewOfficerLogsInWithExactlyThatRoleAndUnit() throws Exception {
        assumeTrue(newUserId != null, "needs the user created above");
        HttpResponse<String> grant = passwordGrant(NEW_USERNAME, NEW_PASSWORD);
        assertThat(grant.statusCode()).as("password grant: " + grant.body()).isEqualTo(200);
        String token = json.readTree(grant.body()).path("access_token").asText();

        JsonNode claims = claims(token);
        Set<String> roles = new HashSet<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        roles.retainAll(MOTCUA_ROLES);
        assertThat(roles).as("MotCua roles in " + claims).containsExactly("specialist");
        assertThat(claims.path("unit_code").asText()).as(claims.toString()).isEqualTo("11077");
        assertThat(claims.path("sub").asText()).isEqualTo(newUserId);

        // and the gateway accepts the token as an officer's
        HttpResponse<String> procedures = send("GET", "/api/v1/procedures?unitCode=11077", token, null);
        assertThat(procedures.statusCode()).as(describe(procedures)).isEqualTo(200);
    }

    @Test
    @Order(3)
    void theListShowsTheDistrictsOfficersAndNothingAbove() throws Exception {
        assumeTrue(newUserId != null, "needs the user created above");
        HttpResponse<String> response = send("GET", USERS, token("admin.tuky", PASSWORD), null);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        List<String> usernames = new ArrayList<>();
        List<String> units = new ArrayList<>();
        json.readTree(response.body()).path("users").forEach(u -> {
            usernames.add(u.path("username").asText());
            units.add(u.path("unitCode").asText());
        });
        assertThat(usernames)
                .contains(NEW_USERNAME, "mc.ngocson", "mc.tuky", "mc.kyson")
                .doesNotContain("admin.haiduong", "bc.haiduong", "congdan.an", "service-account-motcua-gateway-admin");
        assertThat(units).allMatch(u -> u.equals("298") || u.startsWith("11"), "units of the district subtree");
    }

    @Test
    @Order(4)
    void creatingAUserForTheProvinceAboveIsRefused() throws Exception {
        HttpResponse<String> response = send("POST", USERS, token("admin.tuky", PASSWORD), """
                {"username":"cv.tinh","email":"cv.tinh@motcua.local","firstName":"Tỉnh","lastName":"Cán Bộ",
                 "unitCode":"30","role":"specialist","password":"%s","temporaryPassword":false}""".formatted(NEW_PASSWORD));

        assertThat(response.statusCode()).as(describe(response)).isIn(403, 404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("reason").asText()).isEqualTo("UNIT_OUT_OF_SCOPE");
        assertThat(passwordGrant("cv.tinh", NEW_PASSWORD).statusCode())
                .as("no such account")
                .isNotEqualTo(200);

        // the province's own administrator does not see it either
        HttpResponse<String> province = send("GET", USERS + "?unitCode=30", token("admin.haiduong", PASSWORD), null);
        assertThat(province.statusCode()).as(describe(province)).isEqualTo(200);
        assertThat(province.body()).doesNotContain("cv.tinh").contains("bc.haiduong");
    }

    @Test
    @Order(5)
    void aReceptionOfficerMayNotAdministerAccounts() throws Exception {
        String officer = token("mc.ngocson", PASSWORD);

        HttpResponse<String> list = send("GET", USERS, officer, null);
        HttpResponse<String> create = send("POST", USERS, officer, """
                {"username":"x.y","email":"x.y@motcua.local","firstName":"X","lastName":"Y",
                 "unitCode":"11077","role":"specialist","password":"%s"}""".formatted(NEW_PASSWORD));

        for (HttpResponse<String> response : List.of(list, create)) {
            assertThat(response.statusCode()).as(describe(response)).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json.readTree(response.body()).path("reason").asText()).isEqualTo("ROLE_NOT_ALLOWED");
        }
    }

    @Test
    @Order(6)
    void aDisabledOfficerCanNoLongerLogIn() throws Exception {
        assumeTrue(newUserId != null, "needs the user created above");
        HttpResponse<String> response =
                send("POST", USERS + "/" + newUserId + "/disable", token("admin.tuky", PASSWORD), null);

        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("enabled").asBoolean(true))
                .isFalse();
        HttpResponse<String> grant = passwordGrant(NEW_USERNAME, NEW_PASSWORD);
        assertThat(grant.statusCode())
                .as("password grant after disable: " + grant.body())
                .isIn(400, 401);

        // the unit_code attribute survived the update (a PUT replaces the attribute map)
        HttpResponse<String> list = send("GET", USERS + "?unitCode=11077", token("admin.tuky", PASSWORD), null);
        assertThat(list.body()).contains(NEW_USERNAME);
    }

    @Test
    @Order(7)
    void everyActionLeftAnAuditLineWithoutPasswords() throws Exception {
        assumeTrue(newUserId != null, "needs the user created above");
        Path log = platform.varDir.resolve("log").resolve("gateway.log");
        List<String> audit = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" AUDIT "))
                .toList();

        assertThat(audit)
                .anyMatch(l -> l.contains("\"action\":\"USER_CREATE\"")
                        && l.contains("\"outcome\":\"OK\"")
                        && l.contains(newUserId)
                        && l.contains("\"actor\":\"admin.tuky\""));
        assertThat(audit)
                .anyMatch(l -> l.contains("\"action\":\"USER_CREATE\"")
                        && l.contains("\"outcome\":\"DENIED\"")
                        && l.contains("\"unit\":\"30\""));
        assertThat(audit).anyMatch(l -> l.contains("\"action\":\"USER_DISABLE\"") && l.contains(newUserId));
        assertThat(audit).noneMatch(l -> l.contains(NEW_PASSWORD));
    }

    @Test
    @Order(8)
    void theAuditIsKeptInItsOwnFileAndInKeycloaksAdminEvents() throws Exception {
        assumeTrue(newUserId != null, "needs the user created above");
        Path file = platform.varDir.resolve("log").resolve("audit.jsonl");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(json.readTree(line)); // every line is one JSON object
        }
        assertThat(lines)
                .anyMatch(l -> l.path("audit").path("action").asText().equals("USER_CREATE")
                        && l.path("audit").path("targetId").asText().equals(newUserId)
                        && l.path("at").asText().endsWith("Z"));

        // Keycloak's own durable record: the creation made under the gateway's service account
        HttpResponse<String> events = keycloakAdminGet(
                "motcua/admin-events?operationTypes=CREATE&resourceTypes=USER&max=500", keycloakAdminToken());
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        json.readTree(events.body())
                .forEach(e -> paths.add(e.path("resourcePath").asText()));
        assertThat(paths).as("Keycloak admin events").contains("users/" + newUserId);
    }

    @Test
    @Order(9)
    void everyRefusedAccountRequestLeavesALineInTheAuditFile() throws Exception {
        Path file = platform.varDir.resolve("log").resolve("audit.jsonl");
        int before = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        String admin = token("admin.tuky", PASSWORD);

        List<HttpResponse<String>> refused = List.of(
                send("GET", USERS, token("mc.ngocson", PASSWORD), null),
                send("GET", USERS, token("congdan.an", PASSWORD), null),
                anonymous("POST", USERS + "/" + (newUserId == null ? "x" : newUserId) + "/disable"),
                send("POST", USERS, admin, "{\"username\": 12}"),
                send("POST", USERS + "/00000000-0000-0000-0000-000000000000/disable", admin, null));
        assertThat(refused).extracting(HttpResponse::statusCode).containsExactly(403, 403, 401, 400, 404);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> added = new ArrayList<>();
        for (String line : lines.subList(before, lines.size())) {
            JsonNode audit = json.readTree(line).path("audit");
            added.add(audit.path("action").asText() + " "
                    + audit.path("outcome").asText() + " " + audit.path("actor").asText("-"));
        }
        assertThat(added)
                .containsExactly(
                        "USER_LIST DENIED mc.ngocson",
                        "USER_LIST DENIED congdan.an",
                        "USER_DISABLE UNAUTHENTICATED -",
                        "USER_CREATE FAILED admin.tuky",
                        "USER_DISABLE DENIED admin.tuky");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = passwordGrant(username, password);
        assertThat(response.statusCode())
                .as("password grant for %s: %s", username, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    private JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private HttpResponse<String> anonymous(String method, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(60))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
