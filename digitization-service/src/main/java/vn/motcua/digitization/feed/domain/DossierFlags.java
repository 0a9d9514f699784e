package vn.motcua.digitization.feed.domain;

/**
 * The whole dossier's digitization after a change, as Decision 766 group 4 counts it (domain.md 8.6).
 *
 * @param componentsComplete       every component CONFIRMED or EXEMPT (and there is at least one)
 * @param resultElectronic         a verified electronic result is attached
 * @param reusesData               at least one component reused digitized data (4.3)
 * @param linkedToWarehouse        a component came from, or the result went to, the applicant's warehouse (4.4)
 */
public record DossierFlags(
        boolean componentsComplete, boolean resultElectronic, boolean reusesData, boolean linkedToWarehouse) {}
