package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.provider.ProviderSigner;
import vn.motcua.payment.receipt.service.Pdfs;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.payment.v1.CancelPaymentRequest;
import vn.motcua.proto.payment.v1.CheckReceiptRequest;
import vn.motcua.proto.payment.v1.CheckReceiptResponse;
import vn.motcua.proto.payment.v1.GetPaymentRequest;
import vn.motcua.proto.payment.v1.GetReceiptPdfRequest;
import vn.motcua.proto.payment.v1.HandleProviderReturnRequest;
import vn.motcua.proto.payment.v1.HandleProviderReturnResponse;
import vn.motcua.proto.payment.v1.ListPaymentsRequest;
import vn.motcua.proto.payment.v1.Payment;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentState;
import vn.motcua.proto.payment.v1.PaymentStatus;
import vn.motcua.proto.payment.v1.RecordCounterPaymentRequest;
import vn.motcua.proto.payment.v1.RefundPaymentRequest;
import vn.motcua.proto.payment.v1.RefundPaymentResponse;
import vn.motcua.proto.payment.v1.RefundState;
import vn.motcua.proto.payment.v1.StartOnlinePaymentResponse;

/** A payment's whole life over the real gRPC server and MariaDB: request, online and counter payment, refunds. */
@MicronautTest(transactional = false)
class PaymentLifecycleIT extends PaymentItSupport {

    @jakarta.inject.Inject
    vn.motcua.platform.testing.HandlerThreads handlerThreads;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(vn.motcua.platform.testing.HandlerThreads.ENABLED, "true");
    }

    /** Payment handlers do blocking JDBC: they run on the platform's worker pool, never on a Netty event loop. */
    @Test
    void paymentHandlersRunOnTheWorkerPool() {
        Payment created = create("D-THREADS");
        start(created.getId());
        callback(notification(created.getId() + "-1", 45_000, "00", "T-THREADS"));
        handlerThreads.assertRanOnWorkerPool(
                vn.motcua.proto.payment.v1.PaymentServiceGrpc.getCreatePaymentRequestMethod(),
                vn.motcua.proto.payment.v1.PaymentServiceGrpc.getStartOnlinePaymentMethod(),
                vn.motcua.proto.payment.v1.PaymentServiceGrpc.getHandleProviderCallbackMethod());
    }

    @Test
    void anUninterpretableProviderAnswerIsAnErrorAnOfficerMayCancel() {
        Payment created = create("D-ERROR");
        start(created.getId());
        assertThat(callback(notification(created.getId() + "-1", 45_000, "99", null))
                        .getProviderCode())
                .isEqualTo("00");
        Payment error = ps(officer(UNIT))
                .getPayment(
                        GetPaymentRequest.newBuilder().setId(created.getId()).build())
                .getPayment();
        assertThat(error.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_ERROR);
        assertError(() -> start(created.getId()), "FAILED_PRECONDITION/ILLEGAL_TRANSITION");
        Payment cancelled = ps(officer(UNIT))
                .cancelPayment(CancelPaymentRequest.newBuilder()
                        .setRequestId("c-error")
                        .setId(created.getId())
                        .setReason("Đã kiểm tra với ngân hàng: chưa thu tiền")
                        .build())
                .getPayment();
        assertThat(cancelled.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_CANCELLED);
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.failed", "payment.cancelled");
    }

    private static int year() {
        return Instant.now().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    }

    @Test
    void aRequestIsCreatedOnceAndReadOnlyByThePayerAndOfficersOfTheUnitOrItsAncestors() {
        var request = request("D-CREATE").build();
        Payment created = ps(officer(UNIT)).createPaymentRequest(request).getPayment();
        assertThat(created.getId()).matches("PAY-[A-Z2-7]{20}");
        assertThat(created.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_AWAITING);
        assertThat(created.getState()).isEqualTo(PaymentState.PAYMENT_STATE_CREATED);
        assertThat(created.getAmount().getAmount()).isEqualTo(50_000);
        assertThat(created.getLinesCount()).isEqualTo(2);
        assertThat(created.getRevision()).isEqualTo(1);

        // the same request id and body: the first payment; another body: ALREADY_EXISTS, nothing written
        assertThat(ps(officer(UNIT)).createPaymentRequest(request).getPayment().getId())
                .isEqualTo(created.getId());
        assertError(
                () -> ps(officer(UNIT))
                        .createPaymentRequest(
                                request.toBuilder().setPayerName("Someone else").build()),
                "ALREADY_EXISTS/REQUEST_ID_REUSED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE dossier_code = 'D-CREATE'"))
                .isEqualTo(1);
        assertThat(events(created.getId())).containsExactly("payment.requested");

        GetPaymentRequest get =
                GetPaymentRequest.newBuilder().setId(created.getId()).build();
        assertThat(ps(payer()).getPayment(get).getPayment().getId()).isEqualTo(created.getId());
        assertThat(ps(idp.officer("leader", "30", "unit_leader"))
                        .getPayment(get)
                        .getPayment()
                        .getId())
                .isEqualTo(created.getId());
        assertError(() -> ps(idp.citizen("other", "001099099999")).getPayment(get), "NOT_FOUND/NOT_FOUND");
        assertError(() -> ps(idp.officer("neighbour", "11078", "unit_leader")).getPayment(get), "NOT_FOUND/NOT_FOUND");
        assertError(() -> ps(null).getPayment(get), "UNAUTHENTICATED/TOKEN_MISSING");
    }

    @Test
    void dossierServicesOwnServiceAccountCreatesRequestsButNoOtherClientDoes() {
        idp.serviceAccount("motcua-dossier-service", java.util.Set.of());
        idp.serviceAccount("motcua-report-service", java.util.Set.of());
        Payment created = ps(idp.serviceAccountToken("motcua-dossier-service"))
                .createPaymentRequest(request("D-SYSTEM").build())
                .getPayment();
        assertThat(created.getDossierCode()).isEqualTo("D-SYSTEM");
        assertError(
                () -> ps(idp.serviceAccountToken("motcua-report-service"))
                        .createPaymentRequest(request("D-SYSTEM").build()),
                "PERMISSION_DENIED/ROLE_NOT_ALLOWED");
    }

    @Test
    void badRequestsAreRefusedWithFieldViolationsAndWriteNothing() {
        long before = count("SELECT COUNT(*) FROM payment");
        assertError(
                () -> ps(officer(UNIT))
                        .createPaymentRequest(request("D-BAD")
                                .clearLines()
                                .setOnlineDiscountPercent(101)
                                .build()),
                "INVALID_ARGUMENT/INVALID_FIELD");
        assertError(
                () -> ps(officer(UNIT))
                        .createPaymentRequest(request("D-BAD")
                                .addLines(vn.motcua.proto.payment.v1.FeeLine.newBuilder()
                                        .setName("USD")
                                        .setAmount(vnd(5).toBuilder().setCurrencyCode("USD")))
                                .build()),
                "INVALID_ARGUMENT/INVALID_FIELD");
        // an officer outside the dossier's unit path cannot create a request there
        assertError(
                () -> ps(officer("11078")).createPaymentRequest(request("D-BAD").build()), "NOT_FOUND/NOT_FOUND");
        assertError(
                () -> ps(payer()).createPaymentRequest(request("D-BAD").build()), "PERMISSION_DENIED/ROLE_NOT_ALLOWED");
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(before);
    }

    @Test
    void aCitizenPaysOnlineAndGetsAReceiptWithAQrToThePublicCheck() {
        Payment created = create("D-ONLINE");
        StartOnlinePaymentResponse started = start(created.getId());
        assertThat(started.getPayment().getState()).isEqualTo(PaymentState.PAYMENT_STATE_STARTED);
        Map<String, String> redirect = query(started.getRedirectUrl());
        assertThat(started.getRedirectUrl()).startsWith(provider.baseUrl() + "/pay?");
        assertThat(redirect)
                .containsEntry("order_ref", created.getId() + "-1")
                .containsEntry("amount", "45000")
                .containsEntry("merchant_id", MERCHANT)
                .containsEntry("client_ip", "10.1.2.3");
        assertThat(signer.verify(redirect)).isTrue();

        var answer = callback(notification(created.getId() + "-1", 45_000, "00", "14001234"));
        assertThat(answer.getProviderCode()).isEqualTo("00");

        Payment paid = ps(payer())
                .getPayment(
                        GetPaymentRequest.newBuilder().setId(created.getId()).build())
                .getPayment();
        assertThat(paid.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(paid.getChannel()).isEqualTo(PaymentChannel.PAYMENT_CHANNEL_ONLINE);
        assertThat(paid.getAmount().getAmount()).isEqualTo(45_000);
        assertThat(paid.getTransactionRef()).isEqualTo("14001234");
        assertThat(paid.getReceipt().getNumber()).matches(UNIT + "/" + year() + "/\\d{6}");
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid");
        assertThat(strings("SELECT state FROM payment_attempt WHERE order_ref = ?", created.getId() + "-1"))
                .containsExactly("SUCCESS");

        byte[] pdf = ps(payer())
                .getReceiptPdf(
                        GetReceiptPdfRequest.newBuilder().setId(created.getId()).build())
                .getContent()
                .toByteArray();
        assertThat(Pdfs.text(pdf)).contains(paid.getReceipt().getNumber()).contains("Nguyễn Thị Hồng Nhung");
        String qr = Pdfs.decodeQrFromRenderedPage(pdf);
        assertThat(qr)
                .isEqualTo("http://localhost:8080/#/bien-lai/"
                        + paid.getReceipt().getNumber().replace("/", "%2F") + "?check="
                        + paid.getReceipt().getCheckCode());

        CheckReceiptResponse check = ps(null).checkReceipt(CheckReceiptRequest.newBuilder()
                .setNumber(paid.getReceipt().getNumber())
                .setCheckCode(paid.getReceipt().getCheckCode())
                .build());
        assertThat(check.getDossierCode()).isEqualTo("D-ONLINE");
        assertThat(check.getAmount().getAmount()).isEqualTo(45_000);
        assertError(
                () -> ps(null).checkReceipt(CheckReceiptRequest.newBuilder()
                        .setNumber(paid.getReceipt().getNumber())
                        .setCheckCode("AAAAAAAAAA")
                        .build()),
                "NOT_FOUND/NOT_FOUND");
    }

    @Test
    void aDeclinedAttemptFailsAndTheCitizenStartsAgainAsANewAttempt() {
        Payment created = create("D-DECLINE");
        start(created.getId());
        assertThat(callback(notification(created.getId() + "-1", 45_000, "51", null))
                        .getProviderCode())
                .isEqualTo("00");
        Payment failed = ps(payer())
                .getPayment(
                        GetPaymentRequest.newBuilder().setId(created.getId()).build())
                .getPayment();
        assertThat(failed.getState()).isEqualTo(PaymentState.PAYMENT_STATE_FAILED_DECLINED);
        assertThat(failed.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_FAILED);

        StartOnlinePaymentResponse again = start(created.getId());
        assertThat(query(again.getRedirectUrl())).containsEntry("order_ref", created.getId() + "-2");
        // the late success of nothing: a repeated decline of attempt 1 changes nothing
        assertThat(callback(notification(created.getId() + "-1", 45_000, "51", null))
                        .getProviderCode())
                .isEqualTo("02");
        assertThat(callback(notification(created.getId() + "-2", 45_000, "00", "T-2"))
                        .getProviderCode())
                .isEqualTo("00");
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.failed", "payment.paid");
        // paid: no third attempt
        assertError(() -> start(created.getId()), "FAILED_PRECONDITION/ILLEGAL_TRANSITION");
    }

    @Test
    void aFullOnlineDiscountLeavesNothingToPayOnlineAndStartsNoProviderOrder() {
        Payment free = ps(officer(UNIT))
                .createPaymentRequest(
                        request("D-FREE-ONLINE").setOnlineDiscountPercent(100).build())
                .getPayment();
        assertError(() -> start(free.getId()), "FAILED_PRECONDITION/RULE_VIOLATED");
        // refused before anything was written: no attempt, the payment untouched, no event but the request's
        assertThat(count("SELECT COUNT(*) FROM payment_attempt WHERE payment_id = ?", free.getId()))
                .isZero();
        assertThat(strings("SELECT state FROM payment WHERE id = ?", free.getId()))
                .containsExactly("CREATED");
        assertThat(events(free.getId())).containsExactly("payment.requested");
    }

    @Test
    void theVerifiedReturnSettlesLikeTheCallbackAndAForgedOneIsNotVerified() {
        Payment created = create("D-RETURN");
        start(created.getId());
        Map<String, String> forged = new HashMap<>(notification(created.getId() + "-1", 45_000, "00", "T-R"));
        forged.put("amount", "1");
        HandleProviderReturnResponse refused = ps(null).handleProviderReturn(HandleProviderReturnRequest.newBuilder()
                .putAllParameters(forged)
                .build());
        assertThat(refused.getVerified()).isFalse();
        assertThat(refused.hasPayment()).isFalse();

        HandleProviderReturnResponse back = ps(null).handleProviderReturn(HandleProviderReturnRequest.newBuilder()
                .putAllParameters(notification(created.getId() + "-1", 45_000, "00", "T-R"))
                .build());
        assertThat(back.getVerified()).isTrue();
        assertThat(back.getPayment().getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(back.getPayment().getDossierCode()).isEqualTo("D-RETURN");
        assertThat(back.getPayment().getPayerName()).isEmpty();
        assertThat(back.getPayment().getPayerCitizenId()).isEmpty();
        // the notification arriving afterwards is already confirmed
        assertThat(callback(notification(created.getId() + "-1", 45_000, "00", "T-R"))
                        .getProviderCode())
                .isEqualTo("02");
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid");
    }

    @Test
    void anOfficerRecordsACashPaymentWithTheCurrentRevisionAndTheFullAmount() {
        Payment created = create("D-CASH");
        RecordCounterPaymentRequest.Builder record = RecordCounterPaymentRequest.newBuilder()
                .setRequestId("cash-1")
                .setId(created.getId())
                .setChannel(PaymentChannel.PAYMENT_CHANNEL_COUNTER_CASH)
                .setAmount(vnd(50_000))
                .setNote("Phiếu thu số 12")
                .setExpectedRevision(created.getRevision() + 1);
        assertError(() -> ps(officer(UNIT)).recordCounterPayment(record.build()), "FAILED_PRECONDITION/STALE_REVISION");
        record.setExpectedRevision(created.getRevision());
        assertError(
                () -> ps(officer(UNIT))
                        .recordCounterPayment(
                                record.clone().setAmount(vnd(45_000)).build()),
                "INVALID_ARGUMENT/INVALID_FIELD");
        assertError(
                () -> ps(idp.officer("spec", UNIT, "specialist")).recordCounterPayment(record.build()),
                "PERMISSION_DENIED/ROLE_NOT_ALLOWED");
        assertError(() -> ps(officer("11078")).recordCounterPayment(record.build()), "NOT_FOUND/NOT_FOUND");

        Payment paid = ps(officer(UNIT)).recordCounterPayment(record.build()).getPayment();
        assertThat(paid.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(paid.getChannel()).isEqualTo(PaymentChannel.PAYMENT_CHANNEL_COUNTER_CASH);
        assertThat(paid.getAmount().getAmount()).isEqualTo(50_000);
        assertThat(paid.getReceipt().getNumber()).startsWith(UNIT + "/" + year() + "/");
        // replay: the same answer, nothing more written
        assertThat(ps(officer(UNIT))
                        .recordCounterPayment(record.build())
                        .getPayment()
                        .getReceipt())
                .isEqualTo(paid.getReceipt());
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid");
        assertError(
                () -> ps(officer(UNIT))
                        .recordCounterPayment(record.clone()
                                .setRequestId("cash-2")
                                .clearExpectedRevision()
                                .build()),
                "FAILED_PRECONDITION/ILLEGAL_TRANSITION");
    }

    @Test
    void partialRefundsUpToWhatWasPaidShowOnTheReceipt() {
        Payment created = create("D-REFUND");
        start(created.getId());
        callback(notification(created.getId() + "-1", 45_000, "00", "T-REFUND"));

        RefundPaymentResponse first = ps(officer(UNIT))
                .refundPayment(RefundPaymentRequest.newBuilder()
                        .setRequestId("rf-1")
                        .setId(created.getId())
                        .setAmount(vnd(15_000))
                        .setReason("Thu thừa phí thẩm định")
                        .build());
        assertThat(first.getRefund().getState()).isEqualTo(RefundState.REFUND_STATE_SUCCESS);
        assertThat(first.getPayment().getRefunded().getAmount()).isEqualTo(15_000);
        assertThat(provider.refunds())
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .containsEntry("order_ref", created.getId() + "-1")
                        .containsEntry("amount", "15000")
                        .containsEntry("refund_ref", first.getRefund().getId()));

        assertError(
                () -> ps(officer(UNIT))
                        .refundPayment(RefundPaymentRequest.newBuilder()
                                .setRequestId("rf-2")
                                .setId(created.getId())
                                .setAmount(vnd(30_001))
                                .setReason("Quá số đã nộp")
                                .build()),
                "FAILED_PRECONDITION/RULE_VIOLATED");

        byte[] pdf = ps(officer(UNIT))
                .getReceiptPdf(
                        GetReceiptPdfRequest.newBuilder().setId(created.getId()).build())
                .getContent()
                .toByteArray();
        assertThat(Pdfs.text(pdf))
                .contains("Lịch sử hoàn tiền")
                .contains("Thu thừa phí thẩm định")
                .contains("Đã hoàn: 15.000 đồng");
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid", "payment.refunded");

        // a refused refund at the provider: FAILED, nothing refunded
        provider.refundAnswers("02");
        try {
            RefundPaymentResponse refused = ps(officer(UNIT))
                    .refundPayment(RefundPaymentRequest.newBuilder()
                            .setRequestId("rf-3")
                            .setId(created.getId())
                            .setAmount(vnd(1_000))
                            .setReason("Thử")
                            .build());
            assertThat(refused.getRefund().getState()).isEqualTo(RefundState.REFUND_STATE_FAILED);
            assertThat(refused.getPayment().getRefunded().getAmount()).isEqualTo(15_000);
        } finally {
            provider.refundAnswers("00");
        }
    }

    @Test
    void anOfficerCancelsAnUnpaidRequestButNotAPaidOne() {
        Payment created = create("D-CANCEL");
        Payment cancelled = ps(officer(UNIT))
                .cancelPayment(CancelPaymentRequest.newBuilder()
                        .setRequestId("c-1")
                        .setId(created.getId())
                        .setReason("Miễn phí theo quyết định")
                        .setExpectedRevision(created.getRevision())
                        .build())
                .getPayment();
        assertThat(cancelled.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_CANCELLED);
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.cancelled");
        assertError(() -> start(created.getId()), "FAILED_PRECONDITION/ILLEGAL_TRANSITION");
        assertError(
                () -> ps(officer(UNIT))
                        .cancelPayment(CancelPaymentRequest.newBuilder()
                                .setRequestId("c-2")
                                .setId(created.getId())
                                .setReason("again")
                                .build()),
                "FAILED_PRECONDITION/ILLEGAL_TRANSITION");
    }

    @Test
    void aDossiersAndAUnitsPaymentsAreListedNewestFirstWithinScope() {
        Payment a = create("D-LIST");
        Payment b = create("D-LIST");
        var byDossier = ps(payer())
                .listPayments(ListPaymentsRequest.newBuilder()
                        .setDossierCode("D-LIST")
                        .build())
                .getPaymentsList();
        assertThat(byDossier).extracting(Payment::getId).containsExactly(b.getId(), a.getId());
        assertThat(ps(idp.citizen("other", "001099099999"))
                        .listPayments(ListPaymentsRequest.newBuilder()
                                .setDossierCode("D-LIST")
                                .build())
                        .getPaymentsList())
                .isEmpty();

        var page1 = ps(idp.officer("leader", "288", "unit_leader"))
                .listPayments(ListPaymentsRequest.newBuilder()
                        .setUnitCode(UNIT)
                        .setStatus(PaymentStatus.PAYMENT_STATUS_AWAITING)
                        .setPage(PageRequest.newBuilder().setPageSize(1))
                        .build());
        assertThat(page1.getPaymentsCount()).isEqualTo(1);
        assertThat(page1.getPage().getNextPageToken()).isNotEmpty();
        assertThat(ps(officer("11078"))
                        .listPayments(ListPaymentsRequest.newBuilder()
                                .setUnitCode(UNIT)
                                .build())
                        .getPaymentsList())
                .isEmpty();
        assertError(
                () -> ps(payer()).listPayments(ListPaymentsRequest.newBuilder().build()),
                "INVALID_ARGUMENT/INVALID_FIELD");
    }

    @Test
    void theProviderCodesOfRefusedCallbacksChangeNothing() {
        Payment created = create("D-REFUSED");
        start(created.getId());
        String order = created.getId() + "-1";
        Map<String, String> tampered = new HashMap<>(notification(order, 45_000, "00", "T-X"));
        tampered.put("amount", "4500");
        assertThat(callback(tampered).getProviderCode()).isEqualTo("97");
        assertThat(callback(notification(order, 4_500, "00", "T-X")).getProviderCode())
                .isEqualTo("04");
        assertThat(callback(notification("PAY-NOSUCHORDERXXXXXXXXX-1", 45_000, "00", "T-X"))
                        .getProviderCode())
                .isEqualTo("01");
        Map<String, String> unsigned = new HashMap<>(notification(order, 45_000, "00", "T-X"));
        unsigned.remove(ProviderSigner.HASH);
        assertThat(callback(unsigned).getProviderCode()).isEqualTo("97");
        assertThat(events(created.getId())).containsExactly("payment.requested");
        assertThat(strings("SELECT state FROM payment_attempt WHERE order_ref = ?", order))
                .containsExactly("STARTED");
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE payment_id = ?", created.getId()))
                .isZero();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
