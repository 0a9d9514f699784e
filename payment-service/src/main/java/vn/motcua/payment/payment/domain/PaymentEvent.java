package vn.motcua.payment.payment.domain;

/**
 * The named edges of the payment state graph ({@link PaymentStateMachine}), each with the change-feed event it
 * writes (null: the edge is not announced; the payer moving through the provider's pages interests no consumer).
 */
public enum PaymentEvent {
    /** An online attempt begins (first, or again after a failure). */
    START_ONLINE(null),
    /** The provider reports the order pending (status query): the payer is deciding. */
    SUBMIT(null),
    /** The provider confirms the payment (callback, verified return or status query with code 00). */
    AUTHORISE("payment.paid"),
    /** Declined by the provider or the card issuer (code 51). */
    DECLINE("payment.failed"),
    /** The provider's window passed without a decision (code 11, or the order unknown after its expiry). */
    TIME_OUT("payment.failed"),
    /** The payer cancelled at the provider (code 24). */
    PAYER_CANCEL("payment.failed"),
    /** The provider answered something else (code 99 or unknown). */
    PROVIDER_ERROR("payment.failed"),
    /** Cash or card at the desk, or postal collection, recorded by an officer. */
    RECORD_COUNTER("payment.paid"),
    /** An officer waives the request. */
    CANCEL("payment.cancelled"),
    /** Not paid by expires_at (the sweep). */
    EXPIRE("payment.expired");

    private final String feedEventType;

    PaymentEvent(String feedEventType) {
        this.feedEventType = feedEventType;
    }

    /** The change-feed event type this edge writes, or null when it writes none. */
    public String feedEventType() {
        return feedEventType;
    }

    /** The event a provider response code (protocol section 2) stands for. */
    public static PaymentEvent ofProviderCode(String code) {
        return switch (code == null ? "" : code) {
            case "00" -> AUTHORISE;
            case "24" -> PAYER_CANCEL;
            case "51" -> DECLINE;
            case "11" -> TIME_OUT;
            default -> PROVIDER_ERROR;
        };
    }
}
