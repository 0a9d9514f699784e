package vn.motcua.payment;

import io.micronaut.runtime.Micronaut;

/**
 * payment-service: fees owed by dossiers (issue 11). Feature packages: {@code payment} (state graph, requests, online
 * attempts, counter payments, refunds, the sweep, PaymentService), {@code provider} (the signed-redirect /
 * signed-callback protocol of docs/payment-provider-protocol.md), {@code receipt} (numbered e-receipts and their PDF),
 * {@code common}; reconciliation comes in its own package. Serves its change feed (aggregate "payment").
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
