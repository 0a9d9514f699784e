package vn.motcua.digitization.result.domain;

import java.time.Instant;

/**
 * The electronic result attached to a dossier: a PDF whose signature verified as VALID when attached.
 *
 * @param validUntil      null: no end
 * @param warehouseItemId set once the result went into the applicant's warehouse (when the dossier's result was
 *                        issued); after that the result no longer changes
 */
public record DossierResult(
        String dossierKey,
        String documentId,
        int documentVersion,
        Instant attachedAt,
        String attachedBy,
        Instant validUntil,
        String warehouseItemId) {

    /** The same result, now in the applicant's warehouse as this item. */
    public DossierResult inWarehouse(String itemId) {
        return new DossierResult(dossierKey, documentId, documentVersion, attachedAt, attachedBy, validUntil, itemId);
    }

    /** The key its signature report is kept under. */
    public String signatureRef() {
        return signatureRef(dossierKey);
    }

    public static String signatureRef(String dossierKey) {
        return "RESULT:" + dossierKey;
    }
}
