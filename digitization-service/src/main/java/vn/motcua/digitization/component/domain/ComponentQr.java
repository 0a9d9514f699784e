package vn.motcua.digitization.component.domain;

import vn.motcua.digitization.stamp.QrPayload;

/**
 * What the QR stamp of a component encodes (Circular 01/2023/TT-VPCP; domain.md 10.1): the dossier's code, the
 * TTHC code, the applicant's ID number and the document's name (the component's name in the procedure).
 */
public final class ComponentQr {

    private ComponentQr() {}

    public static QrPayload payload(String dossierCode, String procedureCode, String applicantId, DossierComponent c) {
        return new QrPayload(dossierCode, procedureCode, applicantId == null ? "" : applicantId, c.name());
    }
}
