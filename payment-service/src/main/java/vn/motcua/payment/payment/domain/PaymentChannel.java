package vn.motcua.payment.payment.domain;

/** How a payment was made: online through the provider, or recorded at the counter. */
public enum PaymentChannel {
    ONLINE,
    COUNTER_CASH,
    COUNTER_CARD,
    /** Collected by the postal service on delivery (COD). */
    POSTAL;

    public boolean counter() {
        return this != ONLINE;
    }
}
