package vn.motcua.digitization.warehouse.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One document in a citizen's or organisation's e-data warehouse (Decree 45/2020 Art 16).
 *
 * @param ownerId           citizen ID (12 digits) or tax code: whose warehouse it is in
 * @param sourceRef         what put it there (COMPONENT:&lt;dossier key&gt;:&lt;n&gt;, RESULT:&lt;dossier key&gt;,
 *                          COPY:&lt;certificate number&gt;), unique: the same source never adds a second item
 * @param dossierKey        RESULT and COMPONENT: the dossier it came from (its stable key); null otherwise
 * @param dossierCode       RESULT and COMPONENT: the dossier's code when the item was made
 * @param unitCode          the unit that issued, confirmed or certified it
 * @param certificateNumber CERTIFIED_COPY: its number in the unit's register
 * @param validUntil        null: no end
 */
public record WarehouseItem(
        String id,
        String ownerId,
        WarehouseItemKind kind,
        String title,
        String documentId,
        int documentVersion,
        String sourceRef,
        String dossierKey,
        String dossierCode,
        String procedureCode,
        String unitCode,
        String certificateNumber,
        Instant validFrom,
        Instant validUntil,
        Instant createdAt) {

    /** A citizen ID (CCCD, 12 digits) or a tax code (10 or 13 digits, or the 10-3 branch form). */
    public static final Pattern OWNER_ID = Pattern.compile("[0-9]{12}|[0-9]{10}|[0-9]{13}|[0-9]{10}-[0-9]{3}");

    /** valid_from &lt;= at &lt; valid_until. */
    public boolean validAt(Instant at) {
        return !validFrom.isAfter(at) && (validUntil == null || at.isBefore(validUntil));
    }
}
