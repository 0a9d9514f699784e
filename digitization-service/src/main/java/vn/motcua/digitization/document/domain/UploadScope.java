package vn.motcua.digitization.document.domain;

/**
 * What a document is for, which decides who may upload and read it: exactly one of the two is set.
 *
 * @param dossierCode        a file of this dossier (a component or its result)
 * @param certifyingUnitCode an original presented at this unit's desk, to be certified as an electronic copy
 */
public record UploadScope(String dossierCode, String certifyingUnitCode) {

    public static UploadScope dossier(String dossierCode) {
        return new UploadScope(dossierCode, null);
    }

    public static UploadScope certifyingUnit(String unitCode) {
        return new UploadScope(null, unitCode);
    }

    public boolean isDossier() {
        return dossierCode != null;
    }
}
