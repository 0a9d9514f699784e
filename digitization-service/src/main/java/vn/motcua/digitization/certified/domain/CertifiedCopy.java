package vn.motcua.digitization.certified.domain;

import java.time.Instant;

/**
 * An electronic certified copy from an original (chứng thực bản sao điện tử từ bản chính; Decree 45/2020 Art 10),
 * one line of the certifying unit's register.
 *
 * @param certificateNumber {@code <unit>/<year>/<seq>}, gapless per unit and Vietnamese calendar year
 * @param ownerId           citizen ID or tax code of whom it was certified for: its warehouse's owner
 */
public record CertifiedCopy(
        String certificateNumber,
        String unitCode,
        int year,
        long seq,
        String title,
        String documentId,
        int documentVersion,
        String ownerId,
        String warehouseItemId,
        Instant certifiedAt,
        String certifiedBy,
        Instant validUntil) {

    public String signatureRef() {
        return "COPY:" + certificateNumber;
    }

    public static String number(String unitCode, int year, long seq) {
        return unitCode + "/" + year + "/" + String.format("%06d", seq);
    }
}
