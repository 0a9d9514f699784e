package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 11's acceptance over REST with the demo users of Ngọc Sơn (11077) and the payment simulator process: a
 * fee-bearing dossier (Cấp bản sao Giấy khai sinh, 8,000 đồng) is received and its financial obligation required,
 * which gives it a payment request; the applicant pays online at the simulator (auto_decide=approve answers its pay
 * page), the provider notifies the gateway's callback, and the dossier leaves "awaiting financial obligation" by
 * itself; the applicant downloads the receipt PDF and anyone checks it by its QR data; the desk refunds part of it,
 * which shows on the receipt's history; another fee dossier is paid in cash at the desk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentJourneyIT extends PaymentSystemTest {

    private static final long REFUND = 3_000;

    private String onlineDossier;
    private String onlinePayment;
    private long owed;
    private JsonNode receipt;

    @AfterAll
    void resetTheSimulator() throws Exception {
        knobs("reset=true");
    }

    @Test
    @Order(1)
    void requiringTheFinancialObligationOfAFeeBearingDossierMakesAPaymentRequest() throws Exception {
        onlineDossier = feeDossierAwaitingPayment();

        JsonNode payment = awaitPaymentOf(onlineDossier, CITIZEN);
        onlinePayment = payment.path("id").asText();
        owed = payment.path("amount").asLong();
        assertThat(onlinePayment).as(payment.toString()).startsWith("PAY-");
        assertThat(payment.path("status").asText()).as(payment.toString()).isEqualTo("AWAITING");
        assertThat(payment.path("dossierCode").asText()).isEqualTo(onlineDossier);
        assertThat(payment.path("unitCode").asText()).isEqualTo("11077");
        assertThat(payment.path("payerCitizenId").asText()).isEqualTo("030090001234");
        assertThat(payment.path("lines").size()).as(payment.toString()).isPositive();
        assertThat(owed).as("the procedure's fee, in đồng").isPositive();
        assertThat(dossierStatus(onlineDossier)).isEqualTo(AWAITING_PAYMENT);
    }

    @Test
    @Order(2)
    void theApplicantPaysOnlineAtTheProviderAndComesBackToTheDossier() throws Exception {
        knobs("reset=true&auto_decide=approve");

        HttpResponse<String> started =
                post("/api/v1/payments/" + onlinePayment + ":start-online", "{\"locale\":\"vn\"}", CITIZEN);
        assertThat(started.statusCode()).as(describe(started)).isEqualTo(200);
        String redirect = json.readTree(started.body()).path("redirectUrl").asText();
        assertThat(redirect).startsWith(platform.simulatorUrl() + "/pay?").contains("order_ref=" + onlinePayment + "-");

        // the payer's browser at the provider: auto_decide approves without the page and sends them back
        HttpResponse<String> atProvider = browse(redirect);
        assertThat(atProvider.statusCode()).as(describe(atProvider)).isEqualTo(303);
        String back = location(atProvider);
        assertThat(back).startsWith(platform.gatewayUrl() + "/api/v1/payments/provider/return?");

        HttpResponse<String> returned = browse(back);
        assertThat(returned.statusCode()).as(describe(returned)).isEqualTo(303);
        assertThat(location(returned)).isEqualTo("/#/ho-so/" + onlineDossier);

        JsonNode paid = awaitPayment(
                onlinePayment, CITIZEN, p -> "PAID".equals(p.path("status").asText()));
        assertThat(paid.path("channel").asText()).isEqualTo("ONLINE");
        assertThat(paid.path("paidAt").isTextual()).isTrue();
        receipt = paid.path("receipt");
        assertThat(receipt.path("number").asText()).as(paid.toString()).startsWith("11077/");
        assertThat(receipt.path("amount").asLong())
                .isEqualTo(paid.path("amount").asLong());
    }

    @Test
    @Order(3)
    void theDossierLeavesAwaitingFinancialObligationByItself() throws Exception {
        String status = awaitDossier(onlineDossier, s -> !AWAITING_PAYMENT.equals(s));
        assertThat(status).isNotEqualTo(AWAITING_PAYMENT);
    }

    @Test
    @Order(4)
    void theApplicantDownloadsTheReceiptAndAnyoneChecksIt() throws Exception {
        HttpResponse<byte[]> pdf = download("/api/v1/payments/" + onlinePayment + "/receipt.pdf", CITIZEN);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(textOf(pdf.body()))
                .contains("BIÊN LAI", receipt.path("number").asText());

        HttpResponse<String> checked = get(
                "/api/v1/public/receipts/" + receipt.path("pathNumber").asText() + "?check="
                        + enc(receipt.path("checkCode").asText()),
                null);
        assertThat(checked.statusCode()).as(describe(checked)).isEqualTo(200);
        JsonNode check = json.readTree(checked.body());
        assertThat(check.path("number").asText())
                .isEqualTo(receipt.path("number").asText());
        assertThat(check.path("dossierCode").asText()).isEqualTo(onlineDossier);
        assertThat(check.path("amount").asLong())
                .isEqualTo(receipt.path("amount").asLong());
        assertThat(check.has("payerName"))
                .as("no personal data in the public check")
                .isFalse();

        HttpResponse<String> wrongCheck =
                get("/api/v1/public/receipts/" + receipt.path("pathNumber").asText() + "?check=WRONG1", null);
        assertThat(wrongCheck.statusCode()).as(describe(wrongCheck)).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aPartialRefundShowsOnTheReceiptHistory() throws Exception {
        HttpResponse<String> current = get("/api/v1/payments/" + onlinePayment, RECEPTION);
        assertThat(current.statusCode()).as(describe(current)).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> refunded = send(
                "POST",
                "/api/v1/payments/" + onlinePayment + ":refund",
                "{\"amount\":" + REFUND + ",\"reason\":\"Nộp thừa một bản sao\"}",
                RECEPTION,
                etag);
        assertThat(refunded.statusCode()).as(describe(refunded)).isEqualTo(200);

        JsonNode after =
                awaitPayment(onlinePayment, RECEPTION, p -> p.path("refunded").asLong() == REFUND);
        assertThat(after.path("status").asText())
                .as("a partial refund leaves it paid")
                .isEqualTo("PAID");
        assertThat(after.path("refunds").size()).isEqualTo(1);
        JsonNode refund = after.path("refunds").get(0);
        assertThat(refund.path("amount").asLong()).isEqualTo(REFUND);
        assertThat(refund.path("state").asText()).isEqualTo("SUCCESS");

        HttpResponse<byte[]> pdf = download("/api/v1/payments/" + onlinePayment + "/receipt.pdf", CITIZEN);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(textOf(pdf.body())).contains("Lịch sử hoàn tiền", "3.000");

        HttpResponse<String> checked = get(
                "/api/v1/public/receipts/" + receipt.path("pathNumber").asText() + "?check="
                        + enc(receipt.path("checkCode").asText()),
                null);
        assertThat(json.readTree(checked.body()).path("refunded").asLong()).isEqualTo(REFUND);

        // the ETag the officer decided on is gone: a second refund on it is refused, nothing refunded twice
        HttpResponse<String> stale = send(
                "POST",
                "/api/v1/payments/" + onlinePayment + ":refund",
                "{\"amount\":1000,\"reason\":\"Lần nữa\"}",
                RECEPTION,
                etag);
        assertThat(stale.statusCode()).as(describe(stale)).isEqualTo(412);
    }

    @Test
    @Order(6)
    void anOfficerRecordsACashPaymentOnAnotherDossier() throws Exception {
        String dossier = feeDossierAwaitingPayment();
        JsonNode payment = awaitPaymentOf(dossier, RECEPTION);
        String id = payment.path("id").asText();
        HttpResponse<String> current = get("/api/v1/payments/" + id, RECEPTION);
        String etag = current.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> recorded = send(
                "POST",
                "/api/v1/payments/" + id + ":record-counter",
                "{\"channel\":\"COUNTER_CASH\",\"amount\":"
                        + payment.path("amount").asLong() + ",\"note\":\"Thu tiền mặt tại quầy\"}",
                RECEPTION,
                etag);
        assertThat(recorded.statusCode()).as(describe(recorded)).isEqualTo(200);
        JsonNode paid = json.readTree(recorded.body());
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("channel").asText()).isEqualTo("COUNTER_CASH");
        assertThat(paid.path("receipt").path("number").asText()).startsWith("11077/");
        assertThat(recorded.headers().firstValue("ETag").orElse("")).isNotEqualTo(etag);

        assertThat(awaitDossier(dossier, s -> !AWAITING_PAYMENT.equals(s))).isNotEqualTo(AWAITING_PAYMENT);
        HttpResponse<byte[]> pdf = download("/api/v1/payments/" + id + "/receipt.pdf", CITIZEN);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(textOf(pdf.body()))
                .contains(paid.path("receipt").path("number").asText());
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String method, String path, String body, String user, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + token(user))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/pdf")
                        .header("Authorization", "Bearer " + token(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
