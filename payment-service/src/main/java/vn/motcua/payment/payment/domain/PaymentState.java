package vn.motcua.payment.payment.domain;

/**
 * The internal states of a payment (GOV.UK Pay's pay-connector shape: many internal states, a small public set).
 * <ul>
 *   <li>CREATED: owed, nobody has started paying</li>
 *   <li>STARTED: the payer was sent to the provider with a signed redirect (an online attempt is open)</li>
 *   <li>SUBMITTED: the provider knows the order but has not decided (its status query answered "pending")</li>
 *   <li>SUCCESS: paid, online or at the counter; final except for refunds, which do not change the state</li>
 *   <li>FAILED_DECLINED, FAILED_TIMED_OUT, FAILED_CANCELLED_BY_PAYER: the attempt failed; may be started again</li>
 *   <li>CANCELLED: an officer waived it; EXPIRED: not paid in time; both final</li>
 *   <li>ERROR: the provider answered something we cannot interpret; an officer looks at it (may cancel it)</li>
 * </ul>
 * Attempts ({@code payment_attempt.state}) use the same names for STARTED, SUBMITTED, SUCCESS, FAILED_* and ERROR.
 */
public enum PaymentState {
    CREATED(PaymentStatus.AWAITING),
    STARTED(PaymentStatus.IN_PROGRESS),
    SUBMITTED(PaymentStatus.IN_PROGRESS),
    SUCCESS(PaymentStatus.PAID),
    FAILED_DECLINED(PaymentStatus.FAILED),
    FAILED_TIMED_OUT(PaymentStatus.FAILED),
    FAILED_CANCELLED_BY_PAYER(PaymentStatus.FAILED),
    CANCELLED(PaymentStatus.CANCELLED),
    EXPIRED(PaymentStatus.EXPIRED),
    ERROR(PaymentStatus.ERROR);

    private final PaymentStatus status;

    PaymentState(PaymentStatus status) {
        this.status = status;
    }

    public PaymentStatus status() {
        return status;
    }

    public boolean failed() {
        return status == PaymentStatus.FAILED;
    }

    /** An online attempt in this state still waits for the provider's outcome. */
    public boolean open() {
        return this == STARTED || this == SUBMITTED;
    }
}
