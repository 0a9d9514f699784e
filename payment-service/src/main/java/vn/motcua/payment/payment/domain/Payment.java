package vn.motcua.payment.payment.domain;

import java.time.Instant;
import java.util.List;

/**
 * A payment request owed by a dossier. Immutable: each transition returns the changed payment with its revision
 * bumped, after {@link PaymentStateMachine} has allowed the edge.
 *
 * @param unitPath         the unit's ancestry, root first, ending with the unit itself
 * @param amountDong       sum of the lines (before any online discount)
 * @param paidAmountDong   what was received, null until paid
 * @param currentAttempt   number of the latest online attempt, 0 when never started
 */
public record Payment(
        String id,
        String dossierCode,
        String unitCode,
        List<String> unitPath,
        String procedureCode,
        String payerName,
        String payerCitizenId,
        List<FeeLine> lines,
        long amountDong,
        int onlineDiscountPercent,
        Long paidAmountDong,
        long refundedDong,
        PaymentState state,
        PaymentChannel channel,
        String transactionRef,
        int currentAttempt,
        Instant createdAt,
        Instant paidAt,
        Instant expiresAt,
        Instant updatedAt,
        String cancelReason,
        long revision) {

    public Payment {
        unitPath = List.copyOf(unitPath);
        lines = List.copyOf(lines);
    }

    public static Payment create(
            String id,
            String dossierCode,
            String unitCode,
            List<String> unitPath,
            String procedureCode,
            String payerName,
            String payerCitizenId,
            List<FeeLine> lines,
            int onlineDiscountPercent,
            Instant now,
            Instant expiresAt) {
        long total = lines.stream().mapToLong(FeeLine::amountDong).sum();
        return new Payment(
                id,
                dossierCode,
                unitCode,
                unitPath,
                procedureCode,
                payerName,
                payerCitizenId,
                lines,
                total,
                onlineDiscountPercent,
                null,
                0,
                PaymentState.CREATED,
                null,
                null,
                0,
                now,
                null,
                expiresAt,
                now,
                null,
                1);
    }

    /**
     * What the provider is asked to collect: the total less the online discount. The discount is rounded down to
     * whole đồng, so the payer never pays less than the rule gives (a fraction of a đồng cannot be paid anyway).
     */
    public long onlineAmountDong() {
        return onlineAmount(amountDong, onlineDiscountPercent);
    }

    public static long onlineAmount(long total, int discountPercent) {
        return total - Math.floorDiv(total * discountPercent, 100);
    }

    /** What is owed now: the amount received once paid, else the total at the counter. */
    public long amountShownDong() {
        return paidAmountDong != null ? paidAmountDong : amountDong;
    }

    public PaymentStatus status() {
        return state.status();
    }

    /** What may still be refunded, before refunds still waiting for the provider. */
    public long refundableDong() {
        return paidAmountDong == null ? 0 : paidAmountDong - refundedDong;
    }

    public String orderRef(int attemptNo) {
        return Attempt.orderRef(id, attemptNo);
    }

    /**
     * The same payment with its unit path and fee lines, which live in their own tables and are read after the row;
     * the revision does not move because nothing changed, only more of it is known.
     */
    public Payment withDetails(List<String> path, List<FeeLine> feeLines) {
        return copy(path, payerName, payerCitizenId, feeLines);
    }

    /**
     * The same payment without who pays (name blank, citizen id absent), for a view shown to whoever holds the
     * provider's return URL; not a change, so the revision stays.
     */
    public Payment withoutPayer() {
        return copy(unitPath, "", null, lines);
    }

    private Payment copy(List<String> path, String name, String citizenId, List<FeeLine> feeLines) {
        return new Payment(
                id,
                dossierCode,
                unitCode,
                path,
                procedureCode,
                name,
                citizenId,
                feeLines,
                amountDong,
                onlineDiscountPercent,
                paidAmountDong,
                refundedDong,
                state,
                channel,
                transactionRef,
                currentAttempt,
                createdAt,
                paidAt,
                expiresAt,
                updatedAt,
                cancelReason,
                revision);
    }

    /** The one place a changed payment is built: identity and lines never change, the revision always moves. */
    private Payment changed(
            PaymentState nextState,
            PaymentChannel nextChannel,
            String nextTransactionRef,
            int nextAttempt,
            Long nextPaidAmountDong,
            long nextRefundedDong,
            Instant nextPaidAt,
            String nextCancelReason,
            Instant now) {
        return new Payment(
                id,
                dossierCode,
                unitCode,
                unitPath,
                procedureCode,
                payerName,
                payerCitizenId,
                lines,
                amountDong,
                onlineDiscountPercent,
                nextPaidAmountDong,
                nextRefundedDong,
                nextState,
                nextChannel,
                nextTransactionRef,
                nextAttempt,
                createdAt,
                nextPaidAt,
                expiresAt,
                now,
                nextCancelReason,
                revision + 1);
    }

    private Payment to(PaymentState next, Instant now) {
        return changed(
                next, channel, transactionRef, currentAttempt, paidAmountDong, refundedDong, paidAt, cancelReason, now);
    }

    /** START_ONLINE: a new attempt numbered after the last one. */
    public Payment startOnline(Instant now) {
        PaymentState next = PaymentStateMachine.next(state, PaymentEvent.START_ONLINE);
        return changed(
                next,
                channel,
                transactionRef,
                currentAttempt + 1,
                paidAmountDong,
                refundedDong,
                paidAt,
                cancelReason,
                now);
    }

    public Payment submit(Instant now) {
        return to(PaymentStateMachine.next(state, PaymentEvent.SUBMIT), now);
    }

    /** The provider's outcome of the current attempt: AUTHORISE, DECLINE, TIME_OUT, PAYER_CANCEL, PROVIDER_ERROR. */
    public Payment settleOnline(PaymentEvent outcome, long amountReceived, String transactionNo, Instant now) {
        PaymentState next = PaymentStateMachine.next(state, outcome);
        if (next != PaymentState.SUCCESS) {
            return to(next, now);
        }
        return changed(
                next,
                PaymentChannel.ONLINE,
                transactionNo,
                currentAttempt,
                amountReceived,
                refundedDong,
                now,
                cancelReason,
                now);
    }

    /** RECORD_COUNTER: paid in full at the desk or by post; the online discount does not apply. */
    public Payment recordCounter(PaymentChannel via, String note, Instant now) {
        if (via == null || !via.counter()) {
            throw new IllegalArgumentException("a counter channel is required");
        }
        PaymentState next = PaymentStateMachine.next(state, PaymentEvent.RECORD_COUNTER);
        return changed(next, via, note, currentAttempt, amountDong, refundedDong, now, cancelReason, now);
    }

    public Payment cancel(String reason, Instant now) {
        PaymentState next = PaymentStateMachine.next(state, PaymentEvent.CANCEL);
        return changed(
                next, channel, transactionRef, currentAttempt, paidAmountDong, refundedDong, paidAt, reason, now);
    }

    public Payment expire(Instant now) {
        return to(PaymentStateMachine.next(state, PaymentEvent.EXPIRE), now);
    }

    /** A change beside the state (a refund asked for): the revision moves so that an ETag changes. */
    public Payment touch(Instant now) {
        return to(state, now);
    }

    /** A refund succeeded: the refunded sum grows; the state stays SUCCESS. */
    public Payment refunded(long amount, Instant now) {
        if (state != PaymentState.SUCCESS || amount <= 0 || amount > refundableDong()) {
            throw new IllegalStateException("refund of " + amount + " does not fit payment " + id);
        }
        return changed(
                state,
                channel,
                transactionRef,
                currentAttempt,
                paidAmountDong,
                refundedDong + amount,
                paidAt,
                cancelReason,
                now);
    }
}
