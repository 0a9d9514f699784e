package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.payment.service.PaymentSweep;
import vn.motcua.platform.lease.Leases;
import vn.motcua.proto.payment.v1.Payment;

/**
 * The sweep against a provider over real HTTP that answers the status query per the protocol (signed, checking our
 * signature): attempts stuck past their window are settled by the answer, unknown ones time out, and payments past
 * their expiry expire. Time is moved by moving the rows' deadlines into the past.
 */
@MicronautTest(transactional = false)
class PaymentSweepIT extends PaymentItSupport {

    @Inject
    PaymentSweep sweep;

    @Inject
    Leases leases;

    /** The provider's window of the attempt ended a minute ago (less than a whole window). */
    private void windowPassed(String orderRef) {
        execute(
                "UPDATE payment_attempt SET expire_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE order_ref = ?",
                orderRef);
    }

    private String state(String id) {
        return strings("SELECT state FROM payment WHERE id = ?", id).get(0);
    }

    @Test
    void stuckAttemptsAreSettledByTheStatusQueryAndUnpaidRequestsExpire() {
        Payment paidAtProvider = create("D-SWEEP-PAID");
        start(paidAtProvider.getId());
        Payment pending = create("D-SWEEP-PENDING");
        start(pending.getId());
        Payment neverArrived = create("D-SWEEP-UNKNOWN");
        start(neverArrived.getId());
        Payment declined = create("D-SWEEP-DECLINED");
        start(declined.getId());
        Payment notYet = create("D-SWEEP-NOT-YET");
        start(notYet.getId());
        Payment unpaid = create("D-SWEEP-EXPIRE");

        provider.order(
                paidAtProvider.getId() + "-1", new FakeProvider.Status("00", 45_000, "Q-PAID", "20261207093512"));
        provider.order(pending.getId() + "-1", new FakeProvider.Status("01", 45_000, "", ""));
        provider.order(declined.getId() + "-1", new FakeProvider.Status("51", 45_000, "Q-DECL", "20261207093512"));
        windowPassed(paidAtProvider.getId() + "-1");
        windowPassed(pending.getId() + "-1");
        windowPassed(neverArrived.getId() + "-1");
        windowPassed(declined.getId() + "-1");
        execute("UPDATE payment SET expires_at = '2020-01-01 00:00:00' WHERE id = ?", unpaid.getId());

        PaymentSweep.Result result = sweep.sweepOnce();
        assertThat(result.settled()).isEqualTo(3);
        assertThat(result.submitted()).isEqualTo(1);
        assertThat(result.expired()).isEqualTo(1);

        assertThat(state(paidAtProvider.getId())).isEqualTo("SUCCESS");
        assertThat(strings("SELECT transaction_no FROM payment_attempt WHERE payment_id = ?", paidAtProvider.getId()))
                .containsExactly("Q-PAID");
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE payment_id = ?", paidAtProvider.getId()))
                .isEqualTo(1);
        assertThat(events(paidAtProvider.getId())).containsExactly("payment.requested", "payment.paid");
        assertThat(state(pending.getId())).isEqualTo("SUBMITTED");
        assertThat(strings("SELECT state FROM payment_attempt WHERE payment_id = ?", pending.getId()))
                .containsExactly("SUBMITTED");
        assertThat(state(neverArrived.getId())).isEqualTo("FAILED_TIMED_OUT");
        assertThat(events(neverArrived.getId())).containsExactly("payment.requested", "payment.failed");
        assertThat(state(declined.getId())).isEqualTo("FAILED_DECLINED");
        assertThat(state(notYet.getId())).isEqualTo("STARTED");
        assertThat(state(unpaid.getId())).isEqualTo("EXPIRED");
        assertThat(events(unpaid.getId())).containsExactly("payment.requested", "payment.expired");
        // every query was signed with our secret (the provider answers 97 otherwise) and about a stuck attempt
        assertThat(provider.queries())
                .extracting(q -> q.get("order_ref"))
                .containsExactlyInAnyOrder(
                        paidAtProvider.getId() + "-1",
                        pending.getId() + "-1",
                        neverArrived.getId() + "-1",
                        declined.getId() + "-1");

        // the provider's notification about the paid order arriving late: already confirmed
        assertThat(callback(notification(paidAtProvider.getId() + "-1", 45_000, "00", "Q-PAID"))
                        .getProviderCode())
                .isEqualTo("02");

        // a success the provider reports for the attempt the sweep timed out: nothing is settled twice (the
        // attempt and the payment stay timed out, no receipt), but the row keeps the provider's transaction and code
        // for reconciliation and the officer who refunds it
        assertThat(callback(notification(neverArrived.getId() + "-1", 45_000, "00", "Q-LATE"))
                        .getProviderCode())
                .isEqualTo("02");
        assertThat(strings(
                        "SELECT CONCAT(state, ' ', transaction_no, ' ', response_code) FROM payment_attempt"
                                + " WHERE payment_id = ?",
                        neverArrived.getId()))
                .containsExactly("FAILED_TIMED_OUT Q-LATE 00");
        assertThat(state(neverArrived.getId())).isEqualTo("FAILED_TIMED_OUT");
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE payment_id = ?", neverArrived.getId()))
                .isZero();
        assertThat(events(neverArrived.getId())).containsExactly("payment.requested", "payment.failed");

        // still pending a whole window later: timed out
        execute(
                "UPDATE payment_attempt SET expire_at = '2000-01-01 00:00:00' WHERE order_ref = ?",
                pending.getId() + "-1");
        sweep.sweepOnce();
        assertThat(state(pending.getId())).isEqualTo("FAILED_TIMED_OUT");
        assertThat(events(pending.getId())).containsExactly("payment.requested", "payment.failed");
    }

    @Test
    void anAnswerNotSignedWithOurSecretChangesNothing() {
        Payment p = create("D-SWEEP-MITM");
        start(p.getId());
        provider.order(p.getId() + "-1", new FakeProvider.Status("00", 45_000, "Q-MITM", "20261207093512"));
        windowPassed(p.getId() + "-1");
        provider.signAnswersWith("someone-else");
        try {
            PaymentSweep.Result result = sweep.sweepOnce();
            assertThat(result.unanswered()).isGreaterThanOrEqualTo(1);
            assertThat(state(p.getId())).isEqualTo("STARTED");
            assertThat(events(p.getId())).containsExactly("payment.requested");
        } finally {
            provider.signAnswersWith(SECRET);
        }
        sweep.sweepOnce();
        assertThat(state(p.getId())).isEqualTo("SUCCESS");
    }

    @Test
    void aRefundTheProviderDidNotAnswerIsAskedAgainWithTheSameRefundRef() {
        Payment p = create("D-SWEEP-REFUND");
        start(p.getId());
        callback(notification(p.getId() + "-1", 45_000, "00", "T-SWEEP-REFUND"));
        provider.refundAnswers("down");
        vn.motcua.proto.payment.v1.RefundPaymentResponse asked;
        try {
            asked = ps(officer(UNIT))
                    .refundPayment(vn.motcua.proto.payment.v1.RefundPaymentRequest.newBuilder()
                            .setRequestId("rf-sweep")
                            .setId(p.getId())
                            .setAmount(vnd(45_000))
                            .setReason("Hồ sơ bị từ chối")
                            .build());
        } finally {
            provider.refundAnswers("00");
        }
        assertThat(asked.getRefund().getState())
                .isEqualTo(vn.motcua.proto.payment.v1.RefundState.REFUND_STATE_SUBMITTED);
        assertThat(asked.getPayment().getRefunded().getAmount()).isZero();
        // the pending refund holds its amount: nothing more may be refunded meanwhile
        assertError(
                () -> ps(officer(UNIT))
                        .refundPayment(vn.motcua.proto.payment.v1.RefundPaymentRequest.newBuilder()
                                .setRequestId("rf-sweep-2")
                                .setId(p.getId())
                                .setAmount(vnd(1))
                                .setReason("Thêm")
                                .build()),
                "FAILED_PRECONDITION/RULE_VIOLATED");

        execute(
                "UPDATE refund SET requested_at = '2020-01-01 00:00:00' WHERE id = ?",
                asked.getRefund().getId());
        sweep.sweepOnce();
        assertThat(strings(
                        "SELECT state FROM refund WHERE id = ?",
                        asked.getRefund().getId()))
                .containsExactly("SUCCESS");
        assertThat(provider.refunds())
                .filteredOn(f -> asked.getRefund().getId().equals(f.get("refund_ref")))
                .hasSize(2);
        assertThat(strings("SELECT refunded_dong FROM payment WHERE id = ?", p.getId()))
                .containsExactly("45000");
        assertThat(events(p.getId())).containsExactly("payment.requested", "payment.paid", "payment.refunded");
    }

    @Test
    void onlyTheHolderOfTheDatabaseLeaseSweeps() {
        assertThat(sweep.lease().held()).isTrue();
        assertThat(leases.named("payment-sweep", "another-replica").held()).isFalse();
    }
}
