package vn.motcua.digitization.component.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * One component of a dossier (numbered as in the procedure version's list) and its digitization. Each verb returns
 * the component after it, or throws: the state table ({@link ComponentStateMachine}) first, then the rules about
 * the component itself (a present-only document is only ever exempted as PRESENT_ONLY).
 *
 * @param documentVersion 0 while no document is attached
 */
public record DossierComponent(
        String dossierKey,
        int number,
        String name,
        boolean presentOnly,
        ComponentState state,
        ComponentSource source,
        ExemptionReason exemptionReason,
        boolean fromWarehouse,
        boolean reused,
        String documentId,
        int documentVersion,
        String warehouseItemId,
        String qrPayload,
        String note,
        String checkedBy,
        Instant checkedAt,
        String confirmedBy,
        Instant confirmedAt,
        Instant updatedAt) {

    public static final String PRESENT_ONLY_RULE = "PRESENT_ONLY_IS_EXEMPT";
    public static final String EXEMPTION_RULE = "EXEMPTION_MATCHES_COMPONENT";

    public static DossierComponent pending(
            String dossierKey, int number, String name, boolean presentOnly, Instant now) {
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                ComponentState.PENDING,
                null,
                null,
                false,
                false,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now);
    }

    /** A scan or an upload is attached (source UPLOAD or SCAN); a file attached before the check is replaced. */
    public DossierComponent attach(String docId, int version, ComponentSource by, Instant now) {
        requireScannable(ComponentVerb.ATTACH);
        ComponentState next = ComponentStateMachine.next(number, state, ComponentVerb.ATTACH);
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                next,
                by,
                null,
                false,
                false,
                docId,
                version,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now);
    }

    /** The officer found the file matches the original; {@code stampedVersion} carries the QR stamp. */
    public DossierComponent checkPassed(int stampedVersion, String qr, String officer, Instant now) {
        ComponentState next = ComponentStateMachine.next(number, state, ComponentVerb.CHECK_PASSED);
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                next,
                source,
                null,
                false,
                false,
                documentId,
                stampedVersion,
                null,
                qr,
                null,
                officer,
                now,
                null,
                null,
                now);
    }

    /** The file does not match the original: back to PENDING with the note, the file is let go. */
    public DossierComponent checkFailed(String why, String officer, Instant now) {
        ComponentState next = ComponentStateMachine.next(number, state, ComponentVerb.CHECK_FAILED);
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                next,
                null,
                null,
                false,
                false,
                null,
                0,
                null,
                null,
                why,
                officer,
                now,
                null,
                null,
                now);
    }

    /** A checked component is confirmed; {@code itemId} is its new warehouse item (null when there is no owner). */
    public DossierComponent confirm(String itemId, String officer, Instant now) {
        ComponentState next = ComponentStateMachine.next(number, state, ComponentVerb.CONFIRM);
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                next,
                source,
                null,
                fromWarehouse,
                reused,
                documentId,
                documentVersion,
                itemId,
                qrPayload,
                note,
                checkedBy,
                checkedAt,
                officer,
                now,
                now);
    }

    /**
     * Marked, not scanned. A present-only component only as PRESENT_ONLY, and PRESENT_ONLY only for one; a
     * NATIONAL_DATABASE exemption names the database (POPULATION_DATA or SECTOR_DATABASE) and counts as reuse.
     */
    public DossierComponent exempt(
            ExemptionReason reason, ComponentSource from, String why, String officer, Instant now) {
        if (presentOnly != (reason == ExemptionReason.PRESENT_ONLY)) {
            throw rule(
                    presentOnly ? PRESENT_ONLY_RULE : EXEMPTION_RULE,
                    presentOnly
                            ? "component " + number + " is only presented at the desk: it is exempted as PRESENT_ONLY"
                            : "component " + number + " is not a present-only document: PRESENT_ONLY does not apply");
        }
        boolean database = from == ComponentSource.POPULATION_DATA || from == ComponentSource.SECTOR_DATABASE;
        if (reason == ExemptionReason.NATIONAL_DATABASE ? !database : from != null) {
            throw rule(
                    EXEMPTION_RULE,
                    reason == ExemptionReason.NATIONAL_DATABASE
                            ? "a NATIONAL_DATABASE exemption names POPULATION_DATA or SECTOR_DATABASE as its source"
                            : "only a NATIONAL_DATABASE exemption has a source, not " + reason);
        }
        ComponentState next = ComponentStateMachine.next(number, state, ComponentVerb.EXEMPT);
        boolean reuse = from != null && from.reuse();
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                next,
                from,
                reason,
                false,
                reuse,
                null,
                0,
                null,
                null,
                why,
                null,
                null,
                officer,
                now,
                now);
    }

    /** Filled by reference to a still-valid item of the applicant's warehouse: reuse, no stamp needed. */
    public DossierComponent fillFromWarehouse(String itemId, String docId, int version, String by, Instant now) {
        requireScannable(ComponentVerb.FILL_FROM_WAREHOUSE);
        ComponentState next = ComponentStateMachine.next(number, state, ComponentVerb.FILL_FROM_WAREHOUSE);
        return new DossierComponent(
                dossierKey,
                number,
                name,
                presentOnly,
                next,
                ComponentSource.WAREHOUSE,
                null,
                true,
                true,
                docId,
                version,
                itemId,
                null,
                null,
                null,
                null,
                by,
                now,
                now);
    }

    private void requireScannable(ComponentVerb verb) {
        if (presentOnly) {
            throw rule(
                    PRESENT_ONLY_RULE,
                    "component " + number + " is only presented at the desk: it is not digitized (" + verb
                            + "), only exempted as PRESENT_ONLY");
        }
    }

    private DomainException rule(String rule, String message) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.RULE_VIOLATED,
                message,
                Map.of("rule", rule, "component", Integer.toString(number)),
                List.of());
    }
}
