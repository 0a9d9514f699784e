package vn.motcua.report.projection.domain;

/**
 * What the other feeds say about one dossier (its payment rows, its digitization row, its feedback rows), reduced to
 * the flags the counters need.
 *
 * @param financialObligation a payment was requested and not cancelled by an officer
 * @param paidOnline          a payment was paid through the online channel
 * @param hasFeedback         a PAKN names the dossier
 */
public record DossierLinks(
        boolean financialObligation,
        boolean paidOnline,
        boolean componentsComplete,
        boolean resultElectronic,
        boolean reusesData,
        boolean linkedToWarehouse,
        boolean hasFeedback) {

    public static final DossierLinks NONE = new DossierLinks(false, false, false, false, false, false, false);
}
