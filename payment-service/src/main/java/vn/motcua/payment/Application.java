package vn.motcua.payment;

import io.micronaut.runtime.Micronaut;

/** payment-service: gRPC server with health and its change feed; business RPCs arrive with their own issue. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
