package vn.motcua.digitization.dossierlink.domain;

import java.time.Instant;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;

/**
 * This service's snapshot of a dossier of dossier-service, refreshed on every dossier-scoped call (and by
 * dossier-service's change feed): what digitization needs to decide and to report, nothing more.
 *
 * @param key         the dossier's storage key at dossier-service, which never changes: its submission reference
 *                    when it has one (filed online, or sent back at the desk before acceptance), else its code. The
 *                    feed's aggregate_id; every table of this service keys dossiers by it.
 * @param code        the code clients see now: the legal code once accepted, the submission reference before
 * @param applicantId the applicant's citizen ID (CCCD), or null when dossier-service has none: the warehouse owner
 */
public record LinkedDossier(
        String key,
        String code,
        String receivingUnitCode,
        String competentUnitCode,
        String procedureCode,
        int procedureVersion,
        String applicantId,
        DossierChannel channel,
        DossierStatus status,
        Instant refreshedAt) {

    /** The stable key of a dossier as dossier-service reports it. */
    public static String keyOf(String code, String submissionReference) {
        return submissionReference == null || submissionReference.isBlank() ? code : submissionReference;
    }

    /** Whether a code a client or a document names is this dossier (its code now, or its submission reference). */
    public boolean isNamed(String someCode) {
        return someCode != null && (someCode.equals(code) || someCode.equals(key));
    }

    /** The caller is this dossier's applicant (a citizen whose token carries the applicant's citizen ID). */
    public boolean isApplicant(Caller caller) {
        return caller.hasRole(Roles.CITIZEN)
                && applicantId != null
                && caller.citizen().map(applicantId::equals).orElse(false);
    }

    /**
     * The dossier carries its legal code: accepted or received, not an online filing still awaiting acceptance,
     * whose code is its provisional submission reference (TN-...). A QR stamped before then would name a code the
     * dossier loses.
     */
    public boolean hasLegalCode() {
        return status != DossierStatus.SUBMITTED
                && status != DossierStatus.PRE_SUPPLEMENT
                && !(channel == DossierChannel.ONLINE && code.equals(key));
    }

    /** The applicant may still act on it: filed online and not yet taken past the applicant's part. */
    public boolean openToApplicant() {
        return channel == DossierChannel.ONLINE && DossierStatus.OPEN_TO_APPLICANT.contains(status);
    }
}
