package vn.motcua.payment.payment.domain;

import java.time.Instant;

/**
 * One online attempt: the provider's order {@code orderRef = <payment id>-<attemptNo>}. Its state uses the payment
 * state names (STARTED, SUBMITTED, SUCCESS, FAILED_*, ERROR) and, once it leaves STARTED/SUBMITTED, never changes
 * again: a repeated or late notification about it changes nothing.
 */
public record Attempt(
        String orderRef,
        String paymentId,
        int attemptNo,
        PaymentState state,
        long amountDong,
        String transactionNo,
        String returnUrl,
        String redirectUrl,
        Instant startedAt,
        Instant expireAt,
        Instant submittedAt,
        Instant settledAt,
        String responseCode) {

    public static String orderRef(String paymentId, int attemptNo) {
        return paymentId + "-" + attemptNo;
    }

    public Attempt submitted(Instant at) {
        return new Attempt(
                orderRef,
                paymentId,
                attemptNo,
                PaymentState.SUBMITTED,
                amountDong,
                transactionNo,
                returnUrl,
                redirectUrl,
                startedAt,
                expireAt,
                at,
                settledAt,
                responseCode);
    }

    /** The provider's outcome: the state the outcome's event leads an open attempt to. */
    public Attempt settled(PaymentEvent outcome, String transactionNo, Instant settledAt, String responseCode) {
        PaymentState to = PaymentStateMachine.next(state, outcome);
        return new Attempt(
                orderRef,
                paymentId,
                attemptNo,
                to,
                amountDong,
                transactionNo,
                returnUrl,
                redirectUrl,
                startedAt,
                expireAt,
                submittedAt,
                settledAt,
                responseCode);
    }
}
