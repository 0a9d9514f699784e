package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A citizen's journey in a real browser (browser/citizen.journey.cjs): catalogue and search (also anonymous), online
 * submission, "Hồ sơ của tôi", following a dossier, answering a supplement request raised during processing,
 * withdrawing, a 412 when an officer acted first, rating a finished dossier, feedback (PAKN), and the anonymous
 * lookup being announced. The dossiers in the states the journey needs are made here through the API first, by the
 * officers whose job each step is; the journey finds them by code.
 */
class ConsoleCitizenJourneyIT extends SystemTest {

    private static final String CITIZEN = "congdan.an";
    private static final String CITIZEN_ID = "030090001234";
    private static final String UNIT = "11077";
    /** Đăng ký khai sinh: received at every commune, fully online. */
    private static final String BIRTH = "1.001193";

    private static final String SUPPLEMENT_REASON = "Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ";

    @Test
    void aCitizenFindsSubmitsFollowsAnswersWithdrawsRatesAndSendsFeedback() throws Exception {
        // acceptance gives the online dossier its legal code (issue 16); the page's title shows that code, so the
        // journey must look for it and not for the TN- submission reference
        String supplement = acceptedCode(submittedOnline());
        act("mc.ngocson", supplement, "transfer", "{}");
        act("cv.ngocson", supplement, "request-supplement", "{\"reason\":\"" + SUPPLEMENT_REASON + "\"}");

        String withdraw = submittedOnline();
        String race = submittedOnline();

        String returned = receivedAtCounter();
        act("mc.ngocson", returned, "transfer", "{}");
        attachSignedResult(returned, "cv.ngocson");
        act("vt.ngocson", returned, "issue-result", "{\"resultNote\":\"Giấy khai sinh\"}");
        act("mc.ngocson", returned, "return-result", "{\"channel\":\"COUNTER\"}");

        String log = BrowserJourney.run(
                platform,
                "citizen.journey.cjs",
                Map.of(
                        "CITIZEN_ID", CITIZEN_ID,
                        "UNIT", UNIT,
                        "SUPPLEMENT_CODE", supplement,
                        "SUPPLEMENT_REASON", SUPPLEMENT_REASON,
                        "WITHDRAW_CODE", withdraw,
                        "RACE_CODE", race,
                        "RETURNED_CODE", returned,
                        "OFFICER_TOKEN", token("mc.ngocson")));
        assertThat(log)
                .contains(
                        "step: anonymous visitor searches the catalogue",
                        "step: anonymous visitor opening a dossier link is asked to log in or look it up",
                        "step: citizen logged in sees my dossiers",
                        "step: citizen sees the new dossier code and lookup key",
                        "step: the new dossier is in my dossiers",
                        "step: citizen follows the dossier",
                        "step: citizen answered the supplement request",
                        "step: citizen asked to stop the dossier and sees the stop notice",
                        "step: citizen withdrew a dossier",
                        "step: citizen acting on a stale dossier sees the fresh state",
                        "step: citizen rated the dossier",
                        "step: citizen opening an unknown dossier gets a way back",
                        "step: the feedback is in my feedback list",
                        "step: anonymous visitor looks the dossier up and hears the result",
                        "journey citizen: ok");

        // answered, then stopped at the applicant's own request (Circular 03/2025 Art 7)
        assertThat(status(supplement)).isEqualTo("STOPPED");
        assertThat(status(withdraw)).isEqualTo("WITHDRAWN");
        assertThat(status(race)).isEqualTo("SUBMITTED");
    }

    private String submittedOnline() throws IOException, InterruptedException {
        HttpResponse<String> created = post("/api/v1/citizen/dossiers", """
                {"procedureCode":"%s","unitCode":"%s","applicant":{"fullName":"Nguyễn Văn An"},
                 "note":"Nộp trực tuyến"}""".formatted(BIRTH, UNIT), CITIZEN);
        assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
        return json.readTree(created.body()).path("code").asText();
    }

    private String receivedAtCounter() throws IOException, InterruptedException {
        HttpResponse<String> created = post("/api/v1/dossiers", """
                {"procedureCode":"%s","channel":"COUNTER",
                 "applicant":{"fullName":"Nguyễn Văn An","citizenId":"%s","phone":"0912345678",
                              "address":"Thôn Đông, xã Ngọc Sơn"}}""".formatted(BIRTH, CITIZEN_ID), "mc.ngocson");
        assertThat(created.statusCode()).as(describe(created)).isEqualTo(201);
        return json.readTree(created.body()).path("code").asText();
    }

    private String acceptedCode(String reference) throws IOException, InterruptedException {
        HttpResponse<String> reply = post("/api/v1/dossiers/" + reference + ":accept", "{}", "mc.ngocson");
        assertThat(reply.statusCode()).as(describe(reply)).isEqualTo(200);
        String code = json.readTree(reply.body()).path("code").asText();
        assertThat(code).as("the legal code given at acceptance").isNotBlank().doesNotStartWith("TN-");
        return code;
    }

    private void act(String who, String code, String action, String body) throws IOException, InterruptedException {
        HttpResponse<String> reply = post("/api/v1/dossiers/" + code + ":" + action, body, who);
        assertThat(reply.statusCode()).as(describe(reply)).isEqualTo(200);
    }

    private String status(String code) throws IOException, InterruptedException {
        HttpResponse<String> reply = get("/api/v1/dossiers/" + code, CITIZEN);
        assertThat(reply.statusCode()).as(describe(reply)).isEqualTo(200);
        JsonNode dossier = json.readTree(reply.body());
        return dossier.path("status").asText();
    }
}
