package vn.motcua.dossier.dossier.domain;

/**
 * What a paid payment request means for its dossier. Only the payment request made for the obligation the dossier
 * is awaiting now meets it; every other paid event is recorded and otherwise ignored, because the obligation was
 * met some other way (an officer confirmed the paper receipt first), the dossier moved on (refused, withdrawn), or
 * the payment belongs to an earlier obligation. None of them is an error: payment-service's facts stand, and an
 * officer refunds what should not have been paid.
 */
public final class PaymentSettlement {

    /** Actor shown on the timeline when a payment confirms the obligation: nobody clicked anything. */
    public static final String ACTOR_USERNAME = "payment-service";

    public static final String ACTOR_NAME_VI = "Hệ thống thanh toán";

    private PaymentSettlement() {}

    public enum Outcome {
        /** The dossier was awaiting this very payment: the obligation is met now. */
        CONFIRMED,
        /** The dossier is no longer awaiting a financial obligation. */
        NOT_AWAITING,
        /** The dossier awaits a later obligation than the one this payment was requested for. */
        NOT_CURRENT_REQUEST,
        /** dossier-service never asked for this payment (or not for that dossier). */
        UNKNOWN_PAYMENT
    }

    /**
     * @param requestedForDossier whether dossier-service recorded this payment request for the dossier
     * @param currentPaymentId    the dossier's latest payment request, null when it has none
     */
    public static Outcome decide(
            DossierState state, String paidPaymentId, boolean requestedForDossier, String currentPaymentId) {
        if (!requestedForDossier) {
            return Outcome.UNKNOWN_PAYMENT;
        }
        if (state != DossierState.AWAITING_PAYMENT) {
            return Outcome.NOT_AWAITING;
        }
        if (!paidPaymentId.equals(currentPaymentId)) {
            return Outcome.NOT_CURRENT_REQUEST;
        }
        return Outcome.CONFIRMED;
    }

    /** The timeline's "why" of an obligation met by a payment: how it was paid and the receipt. */
    public static String timelineReason(PaidPayment paid) {
        StringBuilder reason = new StringBuilder("Đã nộp phí");
        if (!paid.channel().wordsVi().isEmpty()) {
            reason.append(' ').append(paid.channel().wordsVi());
        }
        if (!paid.receiptNumber().isBlank()) {
            reason.append(", biên lai số ").append(paid.receiptNumber());
        }
        return reason.append(" (mã thanh toán ")
                .append(paid.paymentId())
                .append(')')
                .toString();
    }
}
