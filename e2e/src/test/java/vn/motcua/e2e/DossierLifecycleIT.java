package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A counter dossier through its whole life over the gateway's workflow routes, with real Keycloak tokens of the demo
 * users of Ngọc Sơn (11077): reception → transfer → assign (leader) → appraise and submit for approval (specialist)
 * → approve (leader) → issue result (clerk) → return result (reception) → rating by the applicant, who then reads
 * every step on the timeline and downloads the receipt (Form 01) as PDF. Same platform start-up as ReceptionSliceIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierLifecycleIT extends SystemTest {

    private static final String PASSWORD = DEMO_PASSWORD;
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
    private static final List<String> EVENTS = List.of(
            "RECEIVE_AT_COUNTER",
            "TRANSFER",
            "ASSIGN",
            "APPRAISE",
            "SUBMIT_FOR_APPROVAL",
            "APPROVE",
            "ISSUE_RESULT",
            "RETURN_RESULT");

    private String code;

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
        step(
                "steps",
                "{\"step\":\"ASSIGN\",\"target\":\"" + SPECIALIST + "\",\"note\":\"Giao chuyên viên\"}",
                LEADER,
                "IN_PROCESS");
        step("steps", "{\"step\":\"APPRAISE\",\"note\":\"Hồ sơ hợp lệ\"}", SPECIALIST, "IN_PROCESS");
        step("steps", "{\"step\":\"SUBMIT_FOR_APPROVAL\",\"note\":\"Trình ký\"}", SPECIALIST, "IN_PROCESS");
        step("steps", "{\"step\":\"APPROVE\"}", LEADER, "IN_PROCESS");
        assertResultIsNotIssuedWithoutItsElectronicResult();
        attachSignedResult(code, SPECIALIST);
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
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/dossiers/" + code + "/forms/receipt"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(CITIZEN))
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"")
                .contains(code);
        assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * Issue 12: the clerk cannot issue the result before the signed electronic result is attached; the dossier is
     * left as it was (same status, same revision, no new timeline entry).
     */
    private void assertResultIsNotIssuedWithoutItsElectronicResult() throws Exception {
        JsonNode before = dossier();
        int timelineBefore = timelineSize();

        HttpResponse<String> refused = action("issue-result", "{\"resultNote\":\"Giấy khai sinh số 12\"}", CLERK);

        assertThat(refused.statusCode()).as(describe(refused)).isEqualTo(409);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("reason").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(problem.path("detail").asText()).contains("no electronic result attached");
        JsonNode after = dossier();
        assertThat(after.path("status").asText()).isEqualTo("IN_PROCESS");
        assertThat(after.path("revision").asLong())
                .isEqualTo(before.path("revision").asLong());
        assertThat(timelineSize()).isEqualTo(timelineBefore);
    }

    private JsonNode dossier() throws Exception {
        HttpResponse<String> response = get("/api/v1/dossiers/" + code, RECEPTION);
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int timelineSize() throws Exception {
        HttpResponse<String> response = get("/api/v1/dossiers/" + code + "/timeline", RECEPTION);
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        return json.readTree(response.body()).path("entries").size();
    }

    private void step(String action, String body, String user, String status) throws Exception {
        HttpResponse<String> response = action(action, body, user);
        assertThat(response.statusCode())
                .as(action + " as " + user + ": " + describe(response))
                .isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asText())
                .as(action)
                .isEqualTo(status);
    }

    private HttpResponse<String> action(String action, String body, String user) throws Exception {
        return post("/api/v1/dossiers/" + code + ":" + action, body, user);
    }
}
