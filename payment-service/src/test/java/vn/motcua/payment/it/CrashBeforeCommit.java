package vn.motcua.payment.it;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.motcua.payment.payment.service.CallbackFaults;

/**
 * Fails the next provider outcome's transaction after all its writes and before its commit, as a payment-service
 * killed at that moment would: nothing commits and the provider gets no "00". On only where an IT sets
 * {@value #ENABLED}.
 */
@Singleton
@Replaces(CallbackFaults.class)
@Requires(property = CrashBeforeCommit.ENABLED, value = "true")
public class CrashBeforeCommit extends CallbackFaults {

    public static final String ENABLED = "motcua.it.crash-before-commit";

    private final AtomicBoolean armed = new AtomicBoolean();

    public void arm() {
        armed.set(true);
    }

    @Override
    public void beforeCommit(String orderRef) {
        if (armed.getAndSet(false)) {
            throw new IllegalStateException("simulated crash before committing the outcome of " + orderRef);
        }
    }
}
