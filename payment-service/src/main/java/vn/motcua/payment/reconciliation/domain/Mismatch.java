package vn.motcua.payment.reconciliation.domain;

/**
 * One disagreement between the settlement file and the payments.
 *
 * @param paymentId        empty when nothing here knows the order
 * @param hereAmount       what was paid here, null when not paid here
 * @param settlementAmount what the provider settled, null when not in the file
 */
public record Mismatch(
        MismatchKind kind,
        String orderRef,
        String paymentId,
        String dossierCode,
        Long hereAmount,
        Long settlementAmount) {}
