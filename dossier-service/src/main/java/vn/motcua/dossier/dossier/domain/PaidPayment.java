package vn.motcua.dossier.dossier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * payment-service's word that a payment request was paid ({@code payment.paid} on its change feed).
 *
 * @param eventId       the feed event, kept with the outcome
 * @param dossierCode   as payment-service has it (the code clients see)
 * @param receiptNumber the e-receipt, from the unit's yearly series; empty if the event carried none
 * @param paidAt        null if the event carried none
 */
public record PaidPayment(
        String eventId,
        String paymentId,
        String dossierCode,
        String receiptNumber,
        PaymentChannel channel,
        Instant paidAt) {

    public PaidPayment {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(dossierCode, "dossierCode");
        receiptNumber = receiptNumber == null ? "" : receiptNumber;
        channel = channel == null ? PaymentChannel.UNKNOWN : channel;
    }

    /** How the fee was paid, as the timeline says it. */
    public enum PaymentChannel {
        ONLINE("trực tuyến"),
        COUNTER_CASH("bằng tiền mặt tại bộ phận một cửa"),
        COUNTER_CARD("bằng thẻ tại bộ phận một cửa"),
        POSTAL("qua dịch vụ bưu chính (thu hộ)"),
        /** A channel this build does not know (a newer payment-service): the fee is paid all the same. */
        UNKNOWN("");

        private final String wordsVi;

        PaymentChannel(String wordsVi) {
            this.wordsVi = wordsVi;
        }

        public String wordsVi() {
            return wordsVi;
        }
    }
}
