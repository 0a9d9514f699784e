package vn.motcua.payment.payment.domain;

import java.time.Instant;

/** A full or partial refund of a paid payment. */
public record Refund(
        String id,
        String paymentId,
        long amountDong,
        String reason,
        RefundState state,
        String requestedBy,
        Instant requestedAt,
        Instant settledAt,
        String providerCode) {

    public Refund settled(boolean succeeded, Instant at, String code) {
        return new Refund(
                id, paymentId, amountDong, reason, state.settle(succeeded), requestedBy, requestedAt, at, code);
    }
}
