package vn.motcua.payment.reconciliation.domain;

public enum MismatchKind {
    /** Paid here online, not in the provider's file. */
    MISSING_IN_SETTLEMENT,
    /** In the provider's file, not paid here (that day, for that unit). */
    MISSING_HERE,
    AMOUNT_DIFFERS
}
