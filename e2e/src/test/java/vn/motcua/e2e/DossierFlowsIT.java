package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The flows other than the plain counter dossier (DossierLifecycleIT), over the gateway's REST routes with real
 * Keycloak tokens of the demo users of Ngọc Sơn (11077) and the citizen congdan.an: an online dossier from
 * submission to online return, a supplement request during processing, an apology with a new appointment, a
 * refusal after appraisal, a refusal at reception, and a withdrawal by the applicant. Every step must show on the
 * applicant's timeline, and Forms 01-05 must come out as PDFs whose text carries the dossier code and the
 * Vietnamese title with its diacritics.
 */
class DossierFlowsIT extends SystemTest {

    private static final String RECEPTION = "mc.ngocson";
    private static final String SPECIALIST = "cv.ngocson";
    private static final String LEADER = "ld.ngocson";
    private static final String CLERK = "vt.ngocson";
    private static final String CITIZEN = "congdan.an";
    private static final String OTHER_CITIZEN = "congdan.binh";
    private static final String APPLICANT = """
            "applicant":{"fullName":"Nguyễn Văn An","citizenId":"030090001234","phone":"0912345678",
                         "email":"an@example.vn","address":"Thôn Đông, xã Ngọc Sơn"}""";
    /** Birth registration: 1 working day, fully online (demo seed). */
    private static final String BIRTH = "1.001193";
    /** Marriage registration: 5 working days, so an apology at least one working day before due is possible. */
    private static final String MARRIAGE = "1.000894";

    @Test
    void anOnlineDossierGoesFromSubmissionToOnlineReturn() throws Exception {
        HttpResponse<String> submitted = post(
                "/api/v1/citizen/dossiers",
                "{\"procedureCode\":\"" + BIRTH + "\",\"unitCode\":\"11077\"," + APPLICANT
                        + ",\"note\":\"Nộp trực tuyến\"}",
                CITIZEN);
        assertThat(submitted.statusCode()).as(describe(submitted)).isEqualTo(201);
        JsonNode dossier = json.readTree(submitted.body());
        String code = dossier.path("code").asText();
        assertThat(dossier.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(dossier.path("channel").asText()).isEqualTo("ONLINE");
        assertThat(dossier.path("dueAt").isMissingNode()
                        || dossier.path("dueAt").isNull())
                .as("the clock starts at acceptance, not at submission: %s", dossier)
                .isTrue();

        assertThat(code)
                .as("a submission reference until acceptance (ND61 Art 26)")
                .startsWith("TN-");
        JsonNode accepted = step(code, "accept", "", RECEPTION, "RECEIVED");
        assertThat(accepted.path("dueAt").asText())
                .as("due time set at acceptance")
                .isNotBlank();
        assertThat(accepted.path("code").asText())
                .as("the legal code is dated and numbered at acceptance")
                .matches("^[A-Z0-9.]+-\\d{6}-\\d{4}$");
        assertThat(accepted.path("submissionReference").asText()).isEqualTo(code);
        // the citizen's bookmark (the submission reference) keeps working after acceptance
        walkToResult(code);
        step(code, "return-result", "{\"channel\":\"ONLINE\"}", RECEPTION, "RETURNED");

        assertThat(timelineEvents(code, CITIZEN))
                .containsSubsequence(
                        "SUBMIT_ONLINE",
                        "ACCEPT",
                        "TRANSFER",
                        "ASSIGN",
                        "APPRAISE",
                        "SUBMIT_FOR_APPROVAL",
                        "APPROVE",
                        "ISSUE_RESULT",
                        "RETURN_RESULT");
        HttpResponse<String> mine = get("/api/v1/citizen/dossiers", CITIZEN);
        assertThat(mine.statusCode()).as(describe(mine)).isEqualTo(200);
        assertThat(mine.body()).contains(code);
        assertThat(get("/api/v1/citizen/dossiers", OTHER_CITIZEN).body()).doesNotContain(code);
        // Form 01 is issued at acceptance and prints the legal code (ND61 Art 26); the reference still fetches it
        String receipt = formText(code, "receipt", CITIZEN);
        assertThat(receipt)
                .contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
                .contains(accepted.path("code").asText());
    }

    @Test
    void aSupplementRequestPausesTheDossierAndRestartsTheClock() throws Exception {
        String code = receiveAtCounter(BIRTH);
        JsonNode received =
                json.readTree(get("/api/v1/dossiers/" + code, RECEPTION).body());
        Instant dueBefore = Instant.parse(received.path("dueAt").asText());
        step(code, "transfer", "", RECEPTION, "IN_PROCESS");
        step(code, "steps", "{\"step\":\"ASSIGN\",\"target\":\"" + SPECIALIST + "\"}", LEADER, "IN_PROCESS");

        step(
                code,
                "request-supplement",
                "{\"reason\":\"Thiếu bản sao giấy chứng sinh có chứng thực\"}",
                SPECIALIST,
                "SUPPLEMENT_REQUESTED");
        assertFormShows(code, "supplement-request", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        HttpResponse<String> twice = action(code, "request-supplement", "{\"reason\":\"Lần hai\"}", SPECIALIST);
        assertThat(twice.statusCode())
                .as("one supplement request at a time: " + describe(twice))
                .isEqualTo(409);

        JsonNode back = step(code, "receive-supplement", "{\"note\":\"Đã nộp đủ\"}", CITIZEN, "IN_PROCESS");
        Instant dueAfter = Instant.parse(back.path("dueAt").asText());
        // The clock restarts from the supplement (ND61 Art 19(4)); received outside working hours both times it
        // may start from the same next session, so the new due time is never earlier, often later.
        assertThat(dueAfter).as("due time after the supplement").isAfterOrEqualTo(dueBefore);

        assertThat(timelineEvents(code, CITIZEN))
                .containsSubsequence(
                        "RECEIVE_AT_COUNTER", "TRANSFER", "ASSIGN", "REQUEST_SUPPLEMENT", "SUPPLEMENT_RECEIVED");
        assertFormShows(code, "control-slip", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        String slip = formText(code, "control-slip", RECEPTION);
        assertThat(slip).as("Form 05 names the units that handled the dossier").contains("Ngọc Sơn");
    }

    @Test
    void anApologyGivesOneNewAppointmentOnly() throws Exception {
        String code = receiveAtCounter(MARRIAGE);
        step(code, "transfer", "", RECEPTION, "IN_PROCESS");
        JsonNode before = json.readTree(get("/api/v1/dossiers/" + code, LEADER).body());
        Instant newDue = Instant.parse(before.path("dueAt").asText()).plus(Duration.ofDays(3));

        JsonNode extended = step(
                code,
                "extend",
                "{\"reason\":\"Cần xác minh thêm tại nơi cư trú\",\"newDueAt\":\"" + newDue + "\"}",
                LEADER,
                "IN_PROCESS");
        assertThat(Instant.parse(extended.path("dueAt").asText())).isEqualTo(newDue);
        // filed today, so under the 2025 rules (Decree 118/2025 from 1 July 2025): Form 04 of Circular 03/2025
        assertFormShows(code, "apology", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN");

        HttpResponse<String> again = action(
                code,
                "extend",
                "{\"reason\":\"Lần hai\",\"newDueAt\":\"" + newDue.plus(Duration.ofDays(3)) + "\"}",
                LEADER);
        assertThat(again.statusCode())
                .as("an apology is allowed once: " + describe(again))
                .isEqualTo(409);
        assertThat(timelineEvents(code, CITIZEN)).containsSubsequence("TRANSFER", "APOLOGISE_AND_EXTEND");
    }

    @Test
    void aLeaderRefusesAfterAppraisal() throws Exception {
        String code = receiveAtCounter(BIRTH);
        step(code, "transfer", "", RECEPTION, "IN_PROCESS");
        step(code, "steps", "{\"step\":\"ASSIGN\",\"target\":\"" + SPECIALIST + "\"}", LEADER, "IN_PROCESS");
        step(code, "steps", "{\"step\":\"APPRAISE\",\"note\":\"Không đủ điều kiện\"}", SPECIALIST, "IN_PROCESS");

        step(code, "refuse", "{\"reason\":\"Người yêu cầu không thuộc trường hợp được đăng ký\"}", LEADER, "REFUSED");
        assertFormShows(code, "refusal", "PHIẾU TỪ CHỐI");
        HttpResponse<String> after = action(code, "issue-result", "", CLERK);
        assertThat(after.statusCode())
                .as("nothing follows a refusal: " + describe(after))
                .isEqualTo(409);
        assertThat(timelineEvents(code, CITIZEN)).containsSubsequence("APPRAISE", "REFUSE");
    }

    @Test
    void theDeskRefusesToReceiveAnOnlineDossier() throws Exception {
        HttpResponse<String> submitted = post(
                "/api/v1/citizen/dossiers",
                "{\"procedureCode\":\"" + BIRTH + "\",\"unitCode\":\"11077\"," + APPLICANT + "}",
                CITIZEN);
        assertThat(submitted.statusCode()).as(describe(submitted)).isEqualTo(201);
        String code = json.readTree(submitted.body()).path("code").asText();

        step(code, "reject", "{\"reason\":\"Thủ tục không thuộc thẩm quyền của xã\"}", RECEPTION, "REJECTED");
        // Form 03 of Circular 03/2025: the dossier was filed under the 2025 rules
        assertFormShows(code, "refusal", "PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ");
        assertThat(timelineEvents(code, CITIZEN)).containsSubsequence("SUBMIT_ONLINE", "REJECT");
    }

    @Test
    void theApplicantWithdrawsAndNothingCanFollow() throws Exception {
        String code = receiveAtCounter(BIRTH);
        step(code, "transfer", "", RECEPTION, "IN_PROCESS");

        HttpResponse<String> stranger = action(code, "withdraw", "{\"reason\":\"Không cần nữa\"}", OTHER_CITIZEN);
        assertThat(stranger.statusCode())
                .as("another citizen cannot see it: " + describe(stranger))
                .isEqualTo(404);
        step(code, "withdraw", "{\"reason\":\"Gia đình đã đăng ký ở nơi khác\"}", CITIZEN, "WITHDRAWN");

        HttpResponse<String> after =
                action(code, "steps", "{\"step\":\"ASSIGN\",\"target\":\"" + SPECIALIST + "\"}", LEADER);
        assertThat(after.statusCode()).as(describe(after)).isEqualTo(409);
        assertThat(json.readTree(after.body()).path("reason").asText()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(timelineEvents(code, CITIZEN)).containsSubsequence("RECEIVE_AT_COUNTER", "TRANSFER", "WITHDRAW");
        String key = json.readTree(get("/api/v1/dossiers/" + code, CITIZEN).body())
                .path("lookupKey")
                .asText();
        HttpResponse<String> status = get("/api/v1/public/dossiers/" + code + "/status?lookupKey=" + key, null);
        assertThat(status.statusCode()).as(describe(status)).isEqualTo(200);
        assertThat(json.readTree(status.body()).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theDeskSendsAPaperDossierBackAndTheClockStartsWhenItIsComplete() throws Exception {
        // ND61 Art 17(1)(a): Form 02 at the counter, no clock and no legal number until the dossier is complete
        HttpResponse<String> sentBack = post(
                "/api/v1/dossiers",
                "{\"procedureCode\":\"" + BIRTH + "\"," + APPLICANT
                        + ",\"channel\":\"COUNTER\",\"outcome\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Thiếu giấy chứng sinh\"}",
                RECEPTION);
        assertThat(sentBack.statusCode()).as(describe(sentBack)).isEqualTo(201);
        JsonNode dossier = json.readTree(sentBack.body());
        String reference = dossier.path("code").asText();
        assertThat(dossier.path("status").asText()).isEqualTo("PRE_SUPPLEMENT");
        assertThat(reference).startsWith("TN-");
        assertFormShows(reference, "supplement-request", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");

        JsonNode accepted = step(reference, "accept", "", RECEPTION, "RECEIVED");
        assertThat(accepted.path("dueAt").asText()).isNotBlank();
        assertThat(accepted.path("code").asText()).matches("^[A-Z0-9.]+-\\d{6}-\\d{4}$");
        assertThat(timelineEvents(reference, CITIZEN))
                .containsSubsequence("REQUEST_PRE_SUPPLEMENT", "RECEIVE_AT_COUNTER");
    }

    @Test
    void theApplicantAsksToStopAndTheNoticeFollows() throws Exception {
        // Circular 03/2025 Art 7(2): a dossier filed today is under the 2025 rules; the applicant asks online
        String code = receiveAtCounter(BIRTH);
        step(code, "transfer", "", RECEPTION, "IN_PROCESS");
        HttpResponse<String> leader = action(code, "stop", "{\"reason\":\"Đơn vị tự dừng\"}", LEADER);
        assertThat(leader.statusCode()).as(describe(leader)).isEqualTo(403);
        step(code, "stop", "{\"reason\":\"Không còn nhu cầu\"}", CITIZEN, "STOPPED");
        assertThat(formText(code, "stop-notice", CITIZEN)).contains("gửi trực tuyến");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String receiveAtCounter(String procedure) throws Exception {
        HttpResponse<String> response = post(
                "/api/v1/dossiers",
                "{\"procedureCode\":\"" + procedure + "\"," + APPLICANT + ",\"channel\":\"COUNTER\"}",
                RECEPTION);
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(201);
        String code = json.readTree(response.body()).path("code").asText();
        assertFormShows(code, "receipt", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        // the public lookup needs the key printed on the receipt besides the code (ADR 0005)
        assertFormShows(
                code,
                "receipt",
                "Mã tra cứu hồ sơ trực tuyến (cùng mã hồ sơ): "
                        + json.readTree(response.body()).path("lookupKey").asText());
        return code;
    }

    private void walkToResult(String code) throws Exception {
        step(code, "transfer", "", RECEPTION, "IN_PROCESS");
        step(
                code,
                "steps",
                "{\"step\":\"ASSIGN\",\"target\":\"" + SPECIALIST + "\",\"note\":\"Giao chuyên viên\"}",
                LEADER,
                "IN_PROCESS");
        step(code, "steps", "{\"step\":\"APPRAISE\",\"note\":\"Hồ sơ hợp lệ\"}", SPECIALIST, "IN_PROCESS");
        step(code, "steps", "{\"step\":\"SUBMIT_FOR_APPROVAL\"}", SPECIALIST, "IN_PROCESS");
        step(code, "steps", "{\"step\":\"APPROVE\"}", LEADER, "IN_PROCESS");
        attachSignedResult(code, SPECIALIST);
        step(code, "issue-result", "{\"resultNote\":\"Trích lục khai sinh điện tử\"}", CLERK, "RESULT_READY");
    }

    private JsonNode step(String code, String action, String body, String user, String status) throws Exception {
        HttpResponse<String> response = action(code, action, body, user);
        assertThat(response.statusCode())
                .as(action + " as " + user + ": " + describe(response))
                .isEqualTo(200);
        JsonNode dossier = json.readTree(response.body());
        assertThat(dossier.path("status").asText())
                .as(action + ": " + describe(response))
                .isEqualTo(status);
        return dossier;
    }

    private HttpResponse<String> action(String code, String action, String body, String user) throws Exception {
        return post("/api/v1/dossiers/" + code + ":" + action, body, user);
    }

    private List<String> timelineEvents(String code, String user) throws Exception {
        HttpResponse<String> response = get("/api/v1/dossiers/" + code + "/timeline", user);
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        List<String> events = new ArrayList<>();
        for (JsonNode entry : json.readTree(response.body()).path("entries")) {
            assertThat(entry.path("label").asText())
                    .as("Vietnamese label of %s", entry)
                    .isNotBlank();
            events.add(entry.path("event").asText());
        }
        return events;
    }

    /** The form downloads as a PDF for the applicant, and its text shows the title and the dossier code. */
    private void assertFormShows(String code, String kind, String title) throws Exception {
        String text = formText(code, kind, CITIZEN);
        assertThat(text).as("text of form %s of %s", kind, code).contains(title).contains(code);
    }

    private String formText(String code, String kind, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.gatewayUrl() + "/api/v1/dossiers/" + code + "/forms/" + kind))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user))
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as("form %s of %s: %s", kind, code, new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
