package vn.motcua.gateway;

import io.micronaut.runtime.Micronaut;

/** The public REST API: authenticates callers and translates JSON to the services' gRPC contracts. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
