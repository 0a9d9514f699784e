package vn.motcua.report.projection.domain;

/**
 * An imported dossier's payment flags (DVCQG DuocThanhToanTrucTuyen and the fee list): whether it carried a
 * financial obligation, and whether that was paid online.
 */
public record ImportedPayment(boolean financialObligation, boolean paidOnline, long amount) {

    public static final ImportedPayment NONE = new ImportedPayment(false, false, 0);
}
