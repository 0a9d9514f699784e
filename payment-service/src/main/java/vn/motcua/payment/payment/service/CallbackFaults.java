package vn.motcua.payment.payment.service;

import jakarta.inject.Singleton;

/**
 * A seam just before a provider outcome's transaction commits. Does nothing in production; the crash-safety IT
 * replaces it to fail there, as a process killed between applying a callback and committing it would, and then
 * checks that the provider's redelivery is applied exactly once.
 */
@Singleton
public class CallbackFaults {

    /** Called inside the transaction that applies {@code orderRef}'s outcome, after every write. */
    public void beforeCommit(String orderRef) {
        // nothing: see the class comment
    }
}
