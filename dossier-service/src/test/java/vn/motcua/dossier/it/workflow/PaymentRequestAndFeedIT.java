package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_AWAITING_PAYMENT;
import static vn.motcua.proto.dossier.v1.DossierStatus.DOSSIER_STATUS_IN_PROCESS;

import com.google.rpc.ErrorInfo;
import com.nimbusds.jwt.JWTParser;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.grpc.PaymentFeedConsumer;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.proto.dossier.v1.ConfirmFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.GetTimelineRequest;
import vn.motcua.proto.dossier.v1.RequireFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.TimelineEntry;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;
import vn.motcua.proto.payment.v1.Payment;

/**
 * dossier-service against payment-service's contract (issue 11), on MariaDB with the real gRPC server: requiring the
 * financial obligation of a fee-bearing dossier asks payment-service for one payment request, whatever the retries;
 * payment-service being down changes nothing; payment.paid on payment-service's feed confirms the obligation once,
 * whatever the redeliveries; and a paid event for a dossier no longer awaiting is recorded and ignored.
 * payment-service is a test double at this module's boundary ({@link FakePaymentService}); the real one is
 * exercised end to end in the system tests.
 */
@MicronautTest(transactional = false)
class PaymentRequestAndFeedIT extends WorkflowItSupport {

    private static final String UNIT = "11077";
    /** Chứng thực bản sao: one fee line of 2 000 đồng in the demo catalogue. */
    private static final String FEE_LINE = "Phí chứng thực bản sao (mỗi trang)";
    /** Cấp bản sao trích lục: received online (FULL); its fees are set by the test that uses it. */
    private static final String COPY = "2.000635";

    private final FakePaymentService payments = FakePaymentService.start();

    @Inject
    PaymentFeedConsumer consumer;

    @Inject
    FeedCursorStore cursors;

    @Override
    protected Map<String, String> extraProperties() {
        idp.serviceAccount("motcua-dossier-service", Set.of());
        Map<String, String> props = new HashMap<>();
        props.put("grpc.channels.payment.address", payments.address());
        props.put("motcua.payment-feed.enabled", "true");
        props.put("motcua.service-account.client-secret", "it-secret");
        props.put("motcua.lease.renew-interval", "200ms");
        props.put("motcua.payment.call-timeout", "3s");
        return props;
    }

    @Override
    @AfterAll
    protected void cleanUp() {
        // stop following before the feed server and the database go away
        consumer.stop();
        payments.close();
        super.cleanUp();
    }

    // ---- (a) one payment request per obligation ------------------------------------------------------------------

    @Test
    void requiringTheObligationOfAFeeBearingDossierCreatesOnePaymentRequestEvenWhenRetried() {
        String specialist = specialist(UNIT);
        Dossier inProcess = transfer(UNIT, receive(UNIT, CERTIFY).getCode());
        String code = inProcess.getCode();
        String requestId = UUID.randomUUID().toString();
        int callsBefore = payments.calls.size();

        // payment-service creates the request but its answer is lost: the verb fails and the dossier is unchanged
        payments.loseNextAnswer(Status.UNAVAILABLE);
        StatusRuntimeException lost = failure(() -> require(specialist, code, requestId));
        assertThat(lost.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);

        // the officer retries with the same request id: the same payment request comes back
        Dossier awaiting = require(specialist, code, requestId);
        assertThat(awaiting.getStatus()).isEqualTo(DOSSIER_STATUS_AWAITING_PAYMENT);
        // and a replay of the committed verb answers its first result without asking again
        assertThat(require(specialist, code, requestId).getRevision()).isEqualTo(awaiting.getRevision());

        List<FakePaymentService.Call> calls = payments.calls.subList(callsBefore, payments.calls.size());
        assertThat(calls).hasSize(2);
        assertThat(calls)
                .extracting(c -> c.request().getRequestId())
                .containsOnly(calls.get(0).request().getRequestId());
        assertThat(calls)
                .extracting(FakePaymentService.Call::authorization)
                .as("the officer's token is forwarded")
                .containsOnly("Bearer " + specialist);
        assertThat(calls).allMatch(FakePaymentService.Call::hadDeadline, "every call has a deadline");

        CreatePaymentRequestRequest request = calls.get(0).request();
        assertThat(request.getDossierCode()).isEqualTo(code);
        assertThat(request.getUnitCode()).isEqualTo(UNIT);
        assertThat(request.getProcedureCode()).isEqualTo(CERTIFY);
        assertThat(request.getPayerName()).isEqualTo("Nguyễn Văn An");
        assertThat(request.getPayerCitizenId()).isEqualTo(CITIZEN_ID);
        assertThat(request.getUnitPathList()).containsExactly("30", "298", UNIT);
        assertThat(request.getOnlineDiscountPercent()).isZero();
        assertThat(request.getLinesList()).containsExactly(FakePaymentService.line(FEE_LINE, 2000));

        Payment payment = payments.payments.get(request.getRequestId());
        assertThat(longValue("SELECT COUNT(*) FROM dossier_payment_request WHERE dossier_code = ?", code))
                .isOne();
        assertThat(stringValue("SELECT payment_id FROM dossier_payment_request WHERE dossier_code = ?", code))
                .isEqualTo(payment.getId());
    }

    @Test
    void eachLineNamesItsLegalBasisAndOnlyAnOnlineDossierCarriesTheVersionsOnlineDiscount() {
        // the demo catalogue names no legal basis and grants no discount: this class gives 2.000635 v1 both (no other
        // test here uses it). The basis is a test value, not a real instrument.
        String basis = "Nghị quyết mẫu 01/NQ-HĐND (kiểm thử)";
        execute(
                "UPDATE procedure_version SET online_fee_discount_percent = 20, fees_json = ? WHERE code = ?"
                        + " AND version = 1",
                "[{\"name\": \"Phí cấp bản sao trích lục (mỗi bản)\", \"amountDong\": 8000, \"legalBasis\": \"" + basis
                        + "\"}, {\"name\": \"Phí gửi trả kết quả\", \"amountDong\": 5000}]",
                COPY);
        String specialist = specialist(UNIT);
        String online = transfer(
                        UNIT, accept(UNIT, submitOnline(UNIT, COPY).getCode()).getCode())
                .getCode();
        String counter = transfer(UNIT, receive(UNIT, COPY).getCode()).getCode();
        int callsBefore = payments.calls.size();

        require(specialist, online, UUID.randomUUID().toString());
        require(specialist, counter, UUID.randomUUID().toString());

        List<FakePaymentService.Call> calls = payments.calls.subList(callsBefore, payments.calls.size());
        assertThat(calls).hasSize(2);
        CreatePaymentRequestRequest fromOnline = calls.get(0).request();
        CreatePaymentRequestRequest fromCounter = calls.get(1).request();
        assertThat(fromOnline.getDossierCode()).isEqualTo(online);
        assertThat(fromCounter.getDossierCode()).isEqualTo(counter);
        for (CreatePaymentRequestRequest request : List.of(fromOnline, fromCounter)) {
            assertThat(request.getLinesList())
                    .as("a line without a legal basis in the catalogue has an empty one")
                    .containsExactly(
                            FakePaymentService.line("Phí cấp bản sao trích lục (mỗi bản)", 8000).toBuilder()
                                    .setLegalBasis(basis)
                                    .build(),
                            FakePaymentService.line("Phí gửi trả kết quả", 5000));
        }
        assertThat(fromOnline.getOnlineDiscountPercent()).isEqualTo(20);
        assertThat(fromCounter.getOnlineDiscountPercent())
                .as("the discount rewards online submission")
                .isZero();
    }

    @Test
    void dossierWithoutFeesAsksPaymentServiceForNothingAndTheOfficerConfirmsByHand() {
        String code = transfer(UNIT, receive(UNIT, BIRTH).getCode()).getCode(); // its only fee is exempt (0 đồng)
        int callsBefore = payments.calls.size();

        assertThat(require(specialist(UNIT), code, UUID.randomUUID().toString()).getStatus())
                .isEqualTo(DOSSIER_STATUS_AWAITING_PAYMENT);

        assertThat(payments.calls).hasSize(callsBefore);
        assertThat(confirmByHand(code).getStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    // ---- (b) payment-service unavailable --------------------------------------------------------------------------

    @Test
    void paymentServiceUnavailableLeavesTheDossierUnchangedWithAClearError() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();
        long revision = revisionOf(code);
        long requests = count("dossier_payment_request");

        assertWritesNothing(() -> {
            payments.failNext(Status.UNAVAILABLE);
            StatusRuntimeException e = failure(
                    () -> require(specialist(UNIT), code, UUID.randomUUID().toString()));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            ErrorInfo info = GrpcErrors.errorInfo(e);
            assertThat(info.getReason()).isEqualTo("DOWNSTREAM_UNAVAILABLE");
            assertThat(info.getMetadataMap()).containsEntry("service", "payment-service");
            assertThat(e.getStatus().getDescription()).contains("payment-service is unavailable");
        });

        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(revisionOf(code)).isEqualTo(revision);
        assertThat(count("dossier_payment_request")).isEqualTo(requests);
    }

    @Test
    void paymentServiceNotAnsweringWithinTheDeadlineLeavesTheDossierUnchanged() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();

        assertWritesNothing(() -> {
            payments.stallNext(Duration.ofSeconds(10)); // the call's deadline is 3 s here
            StatusRuntimeException e = failure(
                    () -> require(specialist(UNIT), code, UUID.randomUUID().toString()));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(GrpcErrors.errorInfo(e).getMetadataMap())
                    .containsEntry("service", "payment-service")
                    .containsEntry("status", "DEADLINE_EXCEEDED");
        });
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    @Test
    void paymentServiceRefusingTheRequestLeavesTheDossierUnchanged() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();

        assertWritesNothing(() -> {
            payments.failNext(Status.PERMISSION_DENIED);
            assertRule(() -> require(specialist(UNIT), code, UUID.randomUUID().toString()), "PAYMENT_REQUEST_REFUSED");
        });
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    @Test
    void refusedVerbAsksPaymentServiceForNothing() {
        // RECEIVED, not IN_PROCESS: the obligation cannot be required yet
        String code = receive(UNIT, CERTIFY).getCode();
        int callsBefore = payments.calls.size();

        StatusRuntimeException e =
                failure(() -> require(specialist(UNIT), code, UUID.randomUUID().toString()));

        assertThat(e.getStatus().getCode()).isIn(Status.Code.FAILED_PRECONDITION, Status.Code.NOT_FOUND);
        assertThat(payments.calls).hasSize(callsBefore);
    }

    // ---- (c) payment.paid confirms once ---------------------------------------------------------------------------

    @Test
    void onePaidEventDeliveredTwiceAndAgainAfterARestartConfirmsTheObligationOnce() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();
        Payment payment = requireWithPayment(code);
        String eventId = UUID.randomUUID().toString();
        String receipt = "11077/2026/000123";

        payments.publish(eventId, "payment.paid", payments.paid(payment, receipt));
        long last = payments.publish(eventId, "payment.paid", payments.paid(payment, receipt)); // delivered again
        awaitCursor(last);

        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(fulfilments(code)).isOne();
        TimelineEntry confirmed = lastTimelineEntry(code);
        assertThat(confirmed.getEvent()).isEqualTo("OBLIGATION_FULFILLED");
        assertThat(confirmed.getActorUsername()).isEqualTo("payment-service");
        assertThat(confirmed.getActorName()).isEqualTo("Hệ thống thanh toán");
        assertThat(confirmed.getReason()).contains("trực tuyến").contains("biên lai số " + receipt);
        assertThat(events(code).get(events(code).size() - 1)[0]).isEqualTo("dossier.financial_obligation_fulfilled");
        assertThat(stringValue("SELECT outcome FROM dossier_payment_request WHERE payment_id = ?", payment.getId()))
                .isEqualTo("CONFIRMED");

        // the consumer restarts and the producer replays everything it has, the same event included
        consumer.stop();
        payments.replayEverything(true);
        try {
            consumer.start();
            long after = payments.publish(
                    UUID.randomUUID().toString(), "payment.requested", payments.paid(payment, receipt));
            awaitCursor(after);
            awaitTrue(
                    "a subscription after the restart",
                    () -> payments.subscriptions.stream().anyMatch(s -> s.afterSeq() >= last));
        } finally {
            payments.replayEverything(false);
        }

        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(fulfilments(code)).isOne();
        assertThat(longValue(
                        "SELECT COUNT(*) FROM feed_consumed WHERE consumer = ? AND event_id = ?",
                        PaymentFeedConsumer.CONSUMER,
                        eventId))
                .isOne();
        assertThat(consumer.subscriber().orElseThrow().lastError()).isNull();
    }

    @Test
    void paidBeforeTheRequestWasRecordedIsKeptAndTheRetriedRequirementConfirmsAtOnce() {
        String specialist = specialist(UNIT);
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();
        String requestId = UUID.randomUUID().toString();
        int callsBefore = payments.calls.size();

        // payment-service creates the payment but the workflow records nothing (its answer is lost, as when the
        // workflow transaction fails after the call); the applicant pays it all the same
        payments.loseNextAnswer(Status.UNAVAILABLE);
        assertThat(failure(() -> require(specialist, code, requestId))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
        Payment payment =
                payments.payments.get(payments.calls.get(callsBefore).request().getRequestId());
        String receipt = "11077/2026/000125";
        long seq = payments.publish(UUID.randomUUID().toString(), "payment.paid", payments.paid(payment, receipt));
        awaitCursor(seq);
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(stringValue("SELECT outcome FROM dossier_payment_request WHERE payment_id = ?", payment.getId()))
                .isEqualTo("UNKNOWN_PAYMENT");

        // the officer retries: the same, already paid payment comes back and the obligation is met at once
        Dossier retried = require(specialist, code, requestId);
        assertThat(retried.getStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(fulfilments(code)).isOne();
        TimelineEntry confirmed = lastTimelineEntry(code);
        assertThat(confirmed.getEvent()).isEqualTo("OBLIGATION_FULFILLED");
        assertThat(confirmed.getActorUsername()).isEqualTo("payment-service");
        assertThat(confirmed.getReason()).contains("biên lai số " + receipt);
        List<String[]> events = events(code);
        assertThat(events.subList(events.size() - 2, events.size()))
                .extracting(e -> e[0])
                .containsExactly("dossier.financial_obligation_required", "dossier.financial_obligation_fulfilled");
        assertThat(stringValue("SELECT outcome FROM dossier_payment_request WHERE payment_id = ?", payment.getId()))
                .isEqualTo("CONFIRMED");
        assertThat(stringValue("SELECT request_id FROM dossier_payment_request WHERE payment_id = ?", payment.getId()))
                .isEqualTo(payments.calls.get(callsBefore).request().getRequestId());
        // a replay answers the committed result, the dossier as the verb left it
        assertThat(require(specialist, code, requestId).getStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(fulfilments(code)).isOne();
    }

    @Test
    void theFeedIsFollowedWithThisServicesOwnServiceAccountToken() throws Exception {
        awaitTrue("a subscription", () -> !payments.subscriptions.isEmpty());
        String authorization = payments.subscriptions.get(0).authorization();
        assertThat(authorization).startsWith("Bearer ");
        assertThat(JWTParser.parse(authorization.substring("Bearer ".length()))
                        .getJWTClaimsSet()
                        .getStringClaim("azp"))
                .isEqualTo("motcua-dossier-service");
    }

    // ---- (d) a paid event for a dossier no longer awaiting --------------------------------------------------------

    @Test
    void paidEventForADossierTheOfficerConfirmedFirstIsRecordedAndIgnored() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();
        Payment payment = requireWithPayment(code);
        Dossier confirmedByHand = confirmByHand(code);

        long seq = payments.publish(
                UUID.randomUUID().toString(), "payment.paid", payments.paid(payment, "11077/2026/000124"));
        awaitCursor(seq);

        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(revisionOf(code)).isEqualTo(confirmedByHand.getRevision());
        assertThat(fulfilments(code)).isOne();
        assertThat(lastTimelineEntry(code).getActorUsername()).isEqualTo("cv." + UNIT);
        assertThat(stringValue("SELECT outcome FROM dossier_payment_request WHERE payment_id = ?", payment.getId()))
                .isEqualTo("NOT_AWAITING");
        assertThat(stringValue(
                        "SELECT receipt_number FROM dossier_payment_request WHERE payment_id = ?", payment.getId()))
                .isEqualTo("11077/2026/000124");
        assertThat(consumer.subscriber().orElseThrow().lastError()).isNull();
    }

    @Test
    void paidEventOfAnEarlierObligationDoesNotMeetTheOneAwaitedNow() {
        String code = transfer(UNIT, receive(UNIT, CERTIFY).getCode()).getCode();
        Payment first = requireWithPayment(code);
        confirmByHand(code);
        Payment second = requireWithPayment(code);
        assertThat(second.getId()).isNotEqualTo(first.getId());

        long seq = payments.publish(UUID.randomUUID().toString(), "payment.paid", payments.paid(first, "1/2026/1"));
        awaitCursor(seq);

        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_AWAITING_PAYMENT);
        assertThat(stringValue("SELECT outcome FROM dossier_payment_request WHERE payment_id = ?", first.getId()))
                .isEqualTo("NOT_CURRENT_REQUEST");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Dossier require(String token, String code, String requestId) {
        return wf(token)
                .requireFinancialObligation(RequireFinancialObligationRequest.newBuilder()
                        .setRequestId(requestId)
                        .setCode(code)
                        .setReason("Nộp phí chứng thực")
                        .build())
                .getDossier();
    }

    /** Requires the obligation and answers the payment request payment-service created for it. */
    private Payment requireWithPayment(String code) {
        int before = payments.calls.size();
        require(specialist(UNIT), code, UUID.randomUUID().toString());
        assertThat(payments.calls).hasSize(before + 1);
        return payments.payments.get(payments.calls.get(before).request().getRequestId());
    }

    private Dossier confirmByHand(String code) {
        return wf(specialist(UNIT))
                .confirmFinancialObligation(ConfirmFinancialObligationRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setCode(code)
                        .build())
                .getDossier();
    }

    private long fulfilments(String code) {
        return longValue(
                "SELECT COUNT(*) FROM dossier_history h JOIN dossier d ON d.code = h.dossier_code"
                        + " WHERE (d.code = ? OR d.legal_code = ?) AND h.event = 'OBLIGATION_FULFILLED'",
                code,
                code);
    }

    private long revisionOf(String code) {
        return longValue("SELECT row_version FROM dossier WHERE code = ? OR legal_code = ?", code, code);
    }

    private TimelineEntry lastTimelineEntry(String code) {
        List<TimelineEntry> entries = wf(specialist(UNIT))
                .getTimeline(GetTimelineRequest.newBuilder().setCode(code).build())
                .getEntriesList();
        return entries.get(entries.size() - 1);
    }

    private void awaitCursor(long seq) {
        awaitTrue(
                "the payment feed consumer to apply seq " + seq,
                () -> cursors.cursor(PaymentFeedConsumer.CONSUMER, PaymentFeedConsumer.SOURCE) >= seq);
    }

    /** Polls until the condition holds, failing after a generous bound; nothing timed is asserted. */
    private static void awaitTrue(String what, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("still waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
