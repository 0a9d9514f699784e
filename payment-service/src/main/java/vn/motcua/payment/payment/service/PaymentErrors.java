package vn.motcua.payment.payment.service;

import java.util.List;
import java.util.Map;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** The payment feature's refusals, as the platform's domain exceptions (mapped to gRPC in one place). */
final class PaymentErrors {

    private PaymentErrors() {}

    static DomainException notFound() {
        return DomainException.notFound("payment");
    }

    static DomainException stale(long expected, long actual) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.STALE_REVISION,
                "the payment is at revision " + actual + ", not " + expected + ": reload it and decide again",
                Map.of("expected_revision", Long.toString(expected), "revision", Long.toString(actual)),
                List.of());
    }

    static DomainException rule(String rule, String message) {
        return DomainException.ruleViolated(rule, message);
    }
}
