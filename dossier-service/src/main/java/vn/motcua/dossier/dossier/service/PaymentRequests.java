package vn.motcua.dossier.dossier.service;

/**
 * payment-service as the workflow needs it: asks for the payment request of a dossier that comes to owe fees. The
 * grpc adapter implements it (dossier.grpc.PaymentServiceClient) with the caller's token, so payment-service checks
 * the officer's scope itself.
 */
public interface PaymentRequests {

    /**
     * Creates the payment request, or answers the one created earlier under the same request id.
     *
     * @throws vn.motcua.platform.error.DomainException UNAVAILABLE / DOWNSTREAM_UNAVAILABLE (metadata service =
     *     payment-service) when payment-service cannot be reached in time; FAILED_PRECONDITION / RULE_VIOLATED
     *     (rule PAYMENT_REQUEST_REFUSED) when it refuses the request
     */
    RequestedPayment create(PaymentRequestDraft draft);

    /** The payment request payment-service holds for the dossier. */
    record RequestedPayment(String paymentId, String requestId, long amountDong) {}
}
