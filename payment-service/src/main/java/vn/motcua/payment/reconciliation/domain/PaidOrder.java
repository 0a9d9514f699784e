package vn.motcua.payment.reconciliation.domain;

import java.time.Instant;

/**
 * An online payment attempt that succeeded here, as reconciliation sees it.
 *
 * @param settledAt when it was marked paid (UTC)
 */
public record PaidOrder(
        String orderRef,
        String paymentId,
        String unitCode,
        String dossierCode,
        long amountDong,
        String transactionNo,
        Instant settledAt) {}
