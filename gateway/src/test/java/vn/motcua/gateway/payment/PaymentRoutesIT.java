package vn.motcua.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeServices;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.payment.v1.CancelPaymentRequest;
import vn.motcua.proto.payment.v1.CheckReceiptRequest;
import vn.motcua.proto.payment.v1.GetPaymentRequest;
import vn.motcua.proto.payment.v1.GetReceiptPdfRequest;
import vn.motcua.proto.payment.v1.HandleProviderCallbackRequest;
import vn.motcua.proto.payment.v1.HandleProviderReturnRequest;
import vn.motcua.proto.payment.v1.ListPaymentsRequest;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentStatus;
import vn.motcua.proto.payment.v1.RecordCounterPaymentRequest;
import vn.motcua.proto.payment.v1.RefundPaymentRequest;
import vn.motcua.proto.payment.v1.StartOnlinePaymentRequest;

/** Payment routes over PaymentService: mapping, forwarded token, ETag/If-Match, strict JSON shapes and roles. */
@MicronautTest(transactional = false)
class PaymentRoutesIT extends GatewayIT {

    private static final String PAYMENT = "/api/v1/payments/PAY-ABCDEFGHJKMNPQRSTVWX";
    private static final String DOSSIER = "H30.298.11077-250303-0001";

    private FakeServices.Received onlyCall(String method, String token) {
        FakeServices.Received call = services.only();
        assertThat(call.method()).isEqualTo(method);
        assertThat(call.authorization()).isEqualTo(token == null ? null : "Bearer " + token);
        return call;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDossiersPaymentsAreListedWithAmountsInDongAndTheReceipt() {
        String token = citizen();
        Api.Reply reply =
                api.get("/api/v1/dossiers/" + DOSSIER + "/payments?status=PAID&pageSize=5&pageToken=abc", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", "pp2");
        Map<String, Object> payment = ((List<Map<String, Object>>) reply.json().get("payments")).get(0);
        assertThat(payment)
                .containsEntry("id", "PAY-1")
                .containsEntry("amount", 50000)
                .containsEntry("status", "PAID")
                .containsEntry("state", "SUCCESS")
                .containsEntry("channel", "ONLINE")
                .containsEntry("refunded", 20000)
                .containsEntry("revision", 7)
                .containsEntry("paidAt", "2025-03-07T10:00:00Z");
        assertThat((Map<String, Object>) payment.get("receipt"))
                .containsEntry("number", "11077/2026/000123")
                .containsEntry("pathNumber", "11077-2026-000123")
                .containsEntry("checkCode", "K7Q2M9");
        assertThat(((List<Map<String, Object>>) payment.get("lines")).get(0))
                .containsEntry("amount", 50000)
                .containsEntry("legalBasis", "Thông tư 85/2019/TT-BTC");
        assertThat(((List<Map<String, Object>>) payment.get("refunds")).get(0))
                .containsEntry("amount", 20000)
                .containsEntry("state", "SUCCESS");
        ListPaymentsRequest sent =
                (ListPaymentsRequest) onlyCall("ListPayments", token).request();
        assertThat(sent.getDossierCode()).isEqualTo(DOSSIER);
        assertThat(sent.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(sent.getPage().getPageSize()).isEqualTo(5);
        assertThat(sent.getPage().getPageToken()).isEqualTo("abc");

        services.reset();
        assertProblem(api.get("/api/v1/dossiers/" + DOSSIER + "/payments?status=paid", token), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/dossiers/H30%3B1/payments", token), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void onePaymentCarriesItsEntityTag() {
        String token = receptionOfficer();
        Api.Reply reply = api.get(PAYMENT, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"r7\"");
        assertThat(((GetPaymentRequest) onlyCall("GetPayment", token).request()).getId())
                .isEqualTo("PAY-ABCDEFGHJKMNPQRSTVWX");
        assertThat(api.get(PAYMENT).status()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenStartsPayingOnlineAndComesBackToThisGateway() {
        String token = citizen();
        Api.Reply reply = api.postJson(PAYMENT + ":start-online", token, "", "Idempotency-Key", "pay-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("redirectUrl", "http://127.0.0.1:8090/pay?order_ref=PAY-ABCDEFGHJKMNPQRSTVWX-1");
        assertThat((Map<String, Object>) reply.json().get("payment")).containsEntry("id", "PAY-ABCDEFGHJKMNPQRSTVWX");
        StartOnlinePaymentRequest sent = (StartOnlinePaymentRequest)
                onlyCall("StartOnlinePayment", token).request();
        assertThat(sent.getRequestId()).isEqualTo("pay-1");
        assertThat(sent.getReturnUrl())
                .isEqualTo("http://" + server.getHost() + ":" + server.getPort() + "/api/v1/payments/provider/return");
        assertThat(sent.getLocale()).isEqualTo("vn");
        assertThat(sent.getClientIp()).isEqualTo("127.0.0.1");

        services.reset();
        assertThat(api.postJson(PAYMENT + ":start-online", token, "{\"locale\":\"en\"}")
                        .status())
                .isEqualTo(200);
        assertThat(((StartOnlinePaymentRequest) services.only().request()).getLocale())
                .isEqualTo("en");

        services.reset();
        assertProblem(api.postJson(PAYMENT + ":start-online", token, "{\"locale\":\"fr\"}"), 400, "INVALID_FIELD");
        assertProblem(
                api.postJson(PAYMENT + ":start-online", token, "{\"returnUrl\":\"http://evil.example/\"}"),
                400,
                "INVALID_FIELD");
        assertProblem(api.postJson(PAYMENT + ":start-online", receptionOfficer(), "{}"), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void theOfficerRecordsACounterPaymentWithTheRevisionTheyDecidedOn() {
        String token = receptionOfficer();
        Api.Reply reply = api.postJson(
                PAYMENT + ":record-counter",
                token,
                "{\"channel\":\"COUNTER_CASH\",\"amount\":50000,\"note\":\"Biên lai giấy số 12\"}",
                "Idempotency-Key",
                "rc-1",
                "If-Match",
                "\"r6\"");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"r7\"");
        RecordCounterPaymentRequest sent = (RecordCounterPaymentRequest)
                onlyCall("RecordCounterPayment", token).request();
        assertThat(sent.getRequestId()).isEqualTo("rc-1");
        assertThat(sent.getId()).isEqualTo("PAY-ABCDEFGHJKMNPQRSTVWX");
        assertThat(sent.getChannel()).isEqualTo(PaymentChannel.PAYMENT_CHANNEL_COUNTER_CASH);
        assertThat(sent.getAmount().getAmount()).isEqualTo(50000);
        assertThat(sent.getAmount().getCurrencyCode()).isEqualTo("VND");
        assertThat(sent.getNote()).isEqualTo("Biên lai giấy số 12");
        assertThat(sent.hasExpectedRevision()).isTrue();
        assertThat(sent.getExpectedRevision()).isEqualTo(6);

        services.reset();
        api.postJson(PAYMENT + ":record-counter", token, "{\"channel\":\"POSTAL\",\"amount\":-5}");
        RecordCounterPaymentRequest negative =
                (RecordCounterPaymentRequest) services.only().request();
        // the sign is the service's rule: the gateway passes the whole number on
        assertThat(negative.getAmount().getAmount()).isEqualTo(-5);
        assertThat(negative.hasExpectedRevision()).isFalse();
    }

    @Test
    void cancelAndRefundMapTheirFields() {
        String token = receptionOfficer();
        Api.Reply cancelled = api.postJson(
                PAYMENT + ":cancel", token, "{\"reason\":\"Miễn phí theo quy định\"}", "If-Match", "\"r7\"");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        CancelPaymentRequest cancel =
                (CancelPaymentRequest) onlyCall("CancelPayment", token).request();
        assertThat(cancel.getReason()).isEqualTo("Miễn phí theo quy định");
        assertThat(cancel.getExpectedRevision()).isEqualTo(7);

        services.reset();
        Api.Reply refunded = api.postJson(
                PAYMENT + ":refund", token, "{\"amount\":20000,\"reason\":\"Nộp thừa\"}", "Idempotency-Key", "rf-1");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json()).containsEntry("refunded", 20000);
        RefundPaymentRequest refund =
                (RefundPaymentRequest) onlyCall("RefundPayment", token).request();
        assertThat(refund.getRequestId()).isEqualTo("rf-1");
        assertThat(refund.getAmount().getAmount()).isEqualTo(20000);
        assertThat(refund.getReason()).isEqualTo("Nộp thừa");
    }

    @Test
    void badShapesAreRefusedBeforeAnyCall() {
        String token = receptionOfficer();
        String record = PAYMENT + ":record-counter";
        assertFields(api.postJson(record, token, "{\"channel\":\"COUNTER_CASH\"}"), "amount");
        assertFields(api.postJson(record, token, "{\"channel\":\"COUNTER_CASH\",\"amount\":null}"), "amount");
        assertFields(api.postJson(record, token, "{\"channel\":\"COUNTER_CASH\",\"amount\":500.5}"), "amount");
        assertFields(api.postJson(record, token, "{\"channel\":\"COUNTER_CASH\",\"amount\":\"50000\"}"), "amount");
        assertFields(api.postJson(record, token, "{\"channel\":\"COUNTER_CASH\",\"amount\":1e300}"), "amount");
        assertFields(api.postJson(record, token, "{\"channel\":\"ONLINE\",\"amount\":50000}"), "channel");
        assertFields(api.postJson(record, token, "{\"amount\":50000}"), "channel");
        assertFields(
                api.postJson(record, token, "{\"channel\":\"COUNTER_CARD\",\"amount\":50000,\"paid\":true}"), "paid");
        assertFields(
                api.postJson(record, token, "{\"channel\":\"COUNTER_CARD\",\"amount\":1}", "If-Match", "W/\"r7\""),
                "If-Match");
        assertFields(api.postJson(PAYMENT + ":refund", token, "{\"reason\":\"x\"}"), "amount");
        assertFields(api.postJson(PAYMENT + ":refund", token, "{\"amount\":[1]}"), "amount");
        assertFields(api.postJson(PAYMENT + ":cancel", token, "{\"reason\":7}"), "reason");
        assertFields(api.postJson("/api/v1/payments/PAY%201:cancel", token, "{}"), "id");
        assertProblem(api.postJson(PAYMENT + ":cancel", token, ""), 400, "MALFORMED_REQUEST");
        assertProblem(api.postJson(PAYMENT + ":cancel", token, "{\"reason\":"), 400, "MALFORMED_REQUEST");
        assertThat(services.received()).isEmpty();
    }

    private static void assertFields(Api.Reply reply, String... fields) {
        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder((Object[]) fields);
    }

    @Test
    void onlyReceptionOfficersActOnPaymentsAtTheGateway() {
        String citizen = citizen();
        String specialist = officer("specialist", "unit_leader");
        for (String action : List.of("record-counter", "cancel", "refund")) {
            String path = PAYMENT + ":" + action;
            assertProblem(api.postJson(path, citizen, "{}"), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.postJson(path, specialist, "{}"), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.postJson(path, null, "{}"), 401, "TOKEN_MISSING");
        }
        assertThat(services.received()).isEmpty();
    }

    @Test
    void theServicesAmountViolationsAreNamedAsTheClientSentThem() {
        services.failWith(DomainException.invalid(List.of(
                new FieldViolation("amount.amount", "must equal the amount owed, 8000 đồng"),
                new FieldViolation("note", "must be at most 300 characters"))));
        Api.Reply reply = api.postJson(
                PAYMENT + ":record-counter", receptionOfficer(), "{\"channel\":\"COUNTER_CASH\",\"amount\":7000}");

        assertFields(reply, "amount", "note");
    }

    @Test
    void theServicesAnswersBecomeProblems() {
        services.failWith(
                DomainException.of(ErrorKind.FAILED_PRECONDITION, ErrorReason.STALE_REVISION, "payment changed"));
        assertProblem(
                api.postJson(PAYMENT + ":refund", receptionOfficer(), "{\"amount\":1}", "If-Match", "\"r1\""),
                412,
                "STALE_REVISION");
        services.failWith(Status.UNAVAILABLE.asRuntimeException());
        assertProblem(api.get(PAYMENT, citizen()), 503, "DOWNSTREAM_UNAVAILABLE");
    }

    @Test
    void theReceiptIsAPdfAttachment() {
        String token = citizen();
        Api.Reply reply = api.get(PAYMENT + "/receipt.pdf", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/pdf");
        assertThat(reply.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + FakeServices.RECEIPT_FILE + "\"");
        assertThat(reply.body()).startsWith("%PDF-");
        assertThat(((GetReceiptPdfRequest) onlyCall("GetReceiptPdf", token).request()).getId())
                .isEqualTo("PAY-ABCDEFGHJKMNPQRSTVWX");
    }

    @Test
    void anyoneChecksAReceiptByItsNumberInPathFormAndItsCheckCode() {
        Api.Reply reply = api.get("/api/v1/public/receipts/11077-2026-000123?check=K7Q2M9");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("number", "11077/2026/000123")
                .containsEntry("amount", 50000)
                .containsEntry("refunded", 20000)
                .containsEntry("issuedAt", "2025-03-07T10:00:00Z")
                .doesNotContainKeys("payerName", "payerCitizenId");
        CheckReceiptRequest sent =
                (CheckReceiptRequest) onlyCall("CheckReceipt", null).request();
        assertThat(sent.getNumber()).isEqualTo("11077/2026/000123");
        assertThat(sent.getCheckCode()).isEqualTo("K7Q2M9");

        services.reset();
        assertProblem(api.get("/api/v1/public/receipts/11077-2026-000123"), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/public/receipts/11077-26-1?check=K7"), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/public/receipts/x%27%20OR%201=1?check=K7"), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/public/receipts/11077-2026-1?check=%3Cscript%3E"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void theProviderCallbackIsRelayedAsReceivedAndAnsweredInTheProvidersTerms() {
        String query = "merchant_id=MOTCUA-DEMO&order_ref=PAY-1-1&amount=50000&currency=VND&response_code=00"
                + "&order_info=Ph%C3%AD+b%E1%BA%A3n+sao&empty=&secure_hash=" + FakeServices.GOOD_SIGNATURE;
        Api.Reply reply = api.get("/api/v1/payments/provider/callback?" + query, citizen());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(Map.of("RspCode", "00", "Message", "Confirm Success"));
        FakeServices.Received call = onlyCall("HandleProviderCallback", null);
        assertThat(((HandleProviderCallbackRequest) call.request()).getParametersMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "merchant_id", "MOTCUA-DEMO",
                        "order_ref", "PAY-1-1",
                        "amount", "50000",
                        "currency", "VND",
                        "response_code", "00",
                        "order_info", "Phí bản sao",
                        "empty", "",
                        "secure_hash", FakeServices.GOOD_SIGNATURE));

        services.reset();
        Api.Reply forged = api.get("/api/v1/payments/provider/callback?order_ref=PAY-1-1&secure_hash=forged");
        // the gateway judges no signature: it relays the parameters as they came and passes on the service's
        // answer, whatever code that is (verifying is payment-service's rule)
        assertThat(((HandleProviderCallbackRequest)
                                onlyCall("HandleProviderCallback", null).request())
                        .getParametersMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("order_ref", "PAY-1-1", "secure_hash", "forged"));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.contentType()).startsWith("application/json");
        assertThat(forged.json()).isEqualTo(Map.of("RspCode", "97", "Message", "Invalid signature"));

        services.failWith(Status.UNAVAILABLE.asRuntimeException());
        Api.Reply down = api.get("/api/v1/payments/provider/callback?" + query);
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.json()).isEqualTo(Map.of("RspCode", "99", "Message", "Unknown error"));
    }

    @Test
    void theReturnSendsThePayerToTheirDossierOnlyWhenItVerifies() {
        Api.Reply verified = api.get(
                "/api/v1/payments/provider/return?order_ref=PAY-1-1&secure_hash=" + FakeServices.GOOD_SIGNATURE);

        assertThat(verified.status()).as(verified.body()).isEqualTo(303);
        assertThat(verified.header("Location")).isEqualTo("/#/ho-so/" + DOSSIER);
        assertThat(((HandleProviderReturnRequest)
                                onlyCall("HandleProviderReturn", null).request())
                        .getParametersMap())
                .containsEntry("order_ref", "PAY-1-1");

        Api.Reply forged = api.get("/api/v1/payments/provider/return?order_ref=PAY-1-1&secure_hash=forged");
        assertThat(forged.status()).isEqualTo(303);
        assertThat(forged.header("Location")).isEqualTo("/#/thanh-toan/ket-qua");

        services.failWith(Status.UNAVAILABLE.asRuntimeException());
        Api.Reply down = api.get("/api/v1/payments/provider/return?secure_hash=" + FakeServices.GOOD_SIGNATURE);
        assertThat(down.status()).isEqualTo(303);
        assertThat(down.header("Location")).isEqualTo("/#/thanh-toan/ket-qua");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOfficerReadsADaysReconciliation() {
        String token = receptionOfficer();
        Api.Reply reply = api.get("/api/v1/units/11077/reconciliation/2026-12-07", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("unitCode", "11077")
                .containsEntry("date", "2026-12-07")
                .containsEntry("imported", true)
                .containsEntry("matched", 3);
        List<Map<String, Object>> mismatches =
                (List<Map<String, Object>>) reply.json().get("mismatches");
        assertThat(mismatches.get(0))
                .containsEntry("kind", "AMOUNT_DIFFERS")
                .containsEntry("here", 50000)
                .containsEntry("settlement", 49000);
        assertThat(mismatches.get(1)).containsEntry("kind", "MISSING_HERE").containsEntry("here", null);
        onlyCall("GetReconciliation", token);

        services.reset();
        assertProblem(api.get("/api/v1/units/11077/reconciliation/2026-02-30", token), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/units/11077/reconciliation/07-12-2026", token), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/units/11077/reconciliation/2026-12-07", citizen()), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    private Api.Reply putCsv(String path, String token, String type, byte[] body) {
        HttpRequest.Builder b = api.request(path)
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return api.send(b.build());
    }

    @Test
    void theOfficerUploadsTheSettlementFileAsCsv() {
        String token = receptionOfficer();
        String path = "/api/v1/units/11077/reconciliation/2026-12-07/settlement";
        String csv = "order_ref,transaction_no,amount,currency,pay_date,status\r\n"
                + "PAY-1-1,14001234,49000,VND,20261207093512,00\r\n";
        Api.Reply reply = putCsv(path, token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("lines", 4);
        var sent = (vn.motcua.proto.payment.v1.ImportSettlementRequest)
                onlyCall("ImportSettlement", token).request();
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(sent.getDate()).isEqualTo("2026-12-07");
        assertThat(sent.getCsv().toStringUtf8()).isEqualTo(csv);
        assertThat(sent.getRequestId()).isNotBlank();

        services.reset();
        assertProblem(
                putCsv(path, token, "text/csv", new byte[ReconciliationController.SETTLEMENT_MAX_BYTES + 1]),
                400,
                "INVALID_FIELD");
        assertProblem(putCsv(path, token, "text/csv", new byte[0]), 400, "MALFORMED_REQUEST");
        assertProblem(
                putCsv(path, token, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(
                putCsv(
                        "/api/v1/units/11077/reconciliation/2026-13-01/settlement",
                        token,
                        "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8)),
                400,
                "INVALID_FIELD");
        assertProblem(
                putCsv(path, citizen(), "text/csv", csv.getBytes(StandardCharsets.UTF_8)), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }
}
