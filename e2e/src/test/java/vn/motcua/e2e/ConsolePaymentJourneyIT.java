package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fees in a real browser (browser/payments.journey.cjs): the applicant pays a dossier's fee online through the
 * payment simulator and downloads the receipt, a visitor checks it, the desk records a cash payment and opens the
 * reconciliation. Two fee-bearing dossiers awaiting their obligation are made here through the API first.
 */
class ConsolePaymentJourneyIT extends SystemTest {

    /** Cấp bản sao Giấy khai sinh từ sổ hộ tịch: the demo catalogue's fee-bearing commune procedure. */
    private static final String FEE_PROCEDURE = "2.000635";

    private static final String DOSSIER = """
            {"procedureCode":"%s",
             "applicant":{"fullName":"Nguyễn Văn An","citizenId":"030090001234","phone":"0912345678",
                          "address":"Thôn Đông, xã Ngọc Sơn"},
             "channel":"COUNTER"}""".formatted(FEE_PROCEDURE);

    @Test
    void anApplicantPaysOnlineAndTheDeskRecordsACashPayment() throws Exception {
        String pay = feeDossier();
        String cash = feeDossier();
        String payId = paymentOf(pay);
        String cashId = paymentOf(cash);
        knobs("reset=true&auto_decide=approve");
        try {
            String log = BrowserJourney.run(
                    platform,
                    "payments.journey.cjs",
                    Map.of("PAY_CODE", pay, "PAY_ID", payId, "CASH_CODE", cash, "CASH_ID", cashId));
            assertThat(log)
                    .contains(
                            "step: citizen sees the fee owed on the dossier",
                            "step: citizen sees the fee paid and downloads the receipt",
                            "step: the dossier left awaiting financial obligation by itself",
                            "step: a visitor checks the receipt from its QR data",
                            "step: officer recorded the cash payment and sees the receipt",
                            "journey payments: ok");
        } finally {
            knobs("reset=true");
        }
    }

    private String feeDossier() throws Exception {
        HttpResponse<String> received = post("/api/v1/dossiers", DOSSIER, "mc.ngocson");
        assertThat(received.statusCode()).as(describe(received)).isEqualTo(201);
        String code = json.readTree(received.body()).path("code").asText();
        HttpResponse<String> transferred = post("/api/v1/dossiers/" + code + ":transfer", "{}", "mc.ngocson");
        assertThat(transferred.statusCode()).as(describe(transferred)).isEqualTo(200);
        HttpResponse<String> required = post(
                "/api/v1/dossiers/" + code + ":require-financial-obligation",
                "{\"reason\":\"Nộp phí cấp bản sao\"}",
                "cv.ngocson");
        assertThat(required.statusCode()).as(describe(required)).isEqualTo(200);
        return code;
    }

    /** The id of the dossier's payment request, once payment-service holds it. */
    private String paymentOf(String code) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> list = get("/api/v1/dossiers/" + code + "/payments", "congdan.an");
            assertThat(list.statusCode()).as(describe(list)).isEqualTo(200);
            JsonNode payments = json.readTree(list.body()).path("payments");
            if (payments.size() > 0) {
                return payments.get(0).path("id").asText();
            }
            assertThat(System.nanoTime()).as("a payment request for " + code).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    private void knobs(String form) throws Exception {
        String simulator = platform.simulatorUrl();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(simulator + "/admin/knobs"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
    }
}
