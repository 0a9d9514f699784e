package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The steps of issue 11's system tests over REST with the demo users of Ngọc Sơn (11077): a fee-bearing dossier
 * brought to "awaiting financial obligation" (which gives it a payment request), waiting for payments and dossiers
 * to reach a state, the payer's browser at the provider, and the simulator's knobs.
 */
abstract class PaymentSystemTest extends SystemTest {

    protected static final String RECEPTION = "mc.ngocson";
    protected static final String SPECIALIST = "cv.ngocson";
    protected static final String CITIZEN = "congdan.an";
    /** Cấp bản sao Giấy khai sinh từ sổ hộ tịch: the demo catalogue's fee-bearing commune procedure. */
    protected static final String FEE_PROCEDURE = "2.000635";

    protected static final String DOSSIER = """
            {"procedureCode":"%s",
             "applicant":{"fullName":"Nguyễn Văn An","citizenId":"030090001234","phone":"0912345678",
                          "address":"Thôn Đông, xã Ngọc Sơn"},
             "channel":"COUNTER"}""".formatted(FEE_PROCEDURE);
    protected static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";
    /** Upper bound for what happens asynchronously: the payment request, the provider's notification, the feed. */
    protected static final Duration WAIT = Duration.ofSeconds(60);

    // --- steps ----------------------------------------------------------------------------------------------------

    /** Received at the desk, handed to the specialist, who requires the financial obligation. */
    protected String feeDossierAwaitingPayment() throws Exception {
        HttpResponse<String> received = post("/api/v1/dossiers", DOSSIER, RECEPTION);
        assertThat(received.statusCode()).as(describe(received)).isEqualTo(201);
        String code = json.readTree(received.body()).path("code").asText();
        HttpResponse<String> transferred = post("/api/v1/dossiers/" + code + ":transfer", "{}", RECEPTION);
        assertThat(transferred.statusCode()).as(describe(transferred)).isEqualTo(200);
        HttpResponse<String> required = post(
                "/api/v1/dossiers/" + code + ":require-financial-obligation",
                "{\"reason\":\"Nộp phí cấp bản sao trích lục\"}",
                SPECIALIST);
        assertThat(required.statusCode()).as(describe(required)).isEqualTo(200);
        assertThat(json.readTree(required.body()).path("status").asText()).isEqualTo(AWAITING_PAYMENT);
        return code;
    }

    protected JsonNode awaitPaymentOf(String dossier, String user) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> list = get("/api/v1/dossiers/" + dossier + "/payments", user);
            assertThat(list.statusCode()).as(describe(list)).isEqualTo(200);
            JsonNode payments = json.readTree(list.body()).path("payments");
            if (payments.size() > 0) {
                assertThat(payments.size())
                        .as("one payment request per obligation")
                        .isEqualTo(1);
                return payments.get(0);
            }
            assertThat(System.nanoTime()).as("a payment request for " + dossier).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    protected JsonNode awaitPayment(String id, String user, Predicate<JsonNode> done) throws Exception {
        return awaitPayment(id, user, done, WAIT);
    }

    protected JsonNode awaitPayment(String id, String user, Predicate<JsonNode> done, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            HttpResponse<String> one = get("/api/v1/payments/" + id, user);
            assertThat(one.statusCode()).as(describe(one)).isEqualTo(200);
            JsonNode payment = json.readTree(one.body());
            if (done.test(payment)) {
                return payment;
            }
            assertThat(System.nanoTime()).as("payment %s: %s", id, payment).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    protected String dossierStatus(String code) throws Exception {
        HttpResponse<String> dossier = get("/api/v1/dossiers/" + code, RECEPTION);
        assertThat(dossier.statusCode()).as(describe(dossier)).isEqualTo(200);
        return json.readTree(dossier.body()).path("status").asText();
    }

    protected String awaitDossier(String code, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String status = dossierStatus(code);
            if (done.test(status)) {
                return status;
            }
            assertThat(System.nanoTime())
                    .as("dossier %s still %s", code, status)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    /** A GET as the payer's browser does it (no token, redirects not followed). */
    protected HttpResponse<String> browse(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
    }

    /** Sets the simulator's knobs (docs/payment-provider-protocol.md, loopback only). */
    protected void knobs(String form) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/admin/knobs"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
    }
}
