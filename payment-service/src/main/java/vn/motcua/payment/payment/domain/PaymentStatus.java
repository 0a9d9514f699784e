package vn.motcua.payment.payment.domain;

/** The small public set of states the citizen and the console see; each internal {@link PaymentState} maps to one. */
public enum PaymentStatus {
    AWAITING,
    IN_PROGRESS,
    PAID,
    FAILED,
    CANCELLED,
    EXPIRED,
    ERROR
}
