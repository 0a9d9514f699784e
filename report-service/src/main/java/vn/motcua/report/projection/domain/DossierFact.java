package vn.motcua.report.projection.domain;

import java.time.Instant;
import java.util.List;

/**
 * One dossier as the reports see it: from dossier-service's feed, or from an imported history (domain.md 12.3). No
 * personal data. Derived values (timeliness, counters) are the projection's, not carried here.
 *
 * @param factId            the dossier feed's aggregate_id; {@code IMPORT:<code>} for an imported dossier
 * @param code              the legal code once received (the submission reference before)
 * @param unitCode          the statistics unit: the competent unit, else the receiving unit
 * @param unitPath          the receiving unit's ancestry, root first, itself last (may be empty for an import: the
 *                          unit dimension then places it)
 * @param channel           COUNTER, ONLINE or POSTAL
 * @param state             DossierStatus name without prefix (RECEIVED, IN_PROCESS, RETURNED...)
 * @param resultKind        ISSUED, REFUSED, REJECTED, WITHDRAWN, STOPPED; null while open
 * @param pausedSeconds     closed pauses (supplement requests) in seconds
 * @param supplementRequests supplement requests, before and after reception
 * @param assignee          officer username last assigned, or null
 * @param rating            null until rated
 */
public record DossierFact(
        String factId,
        String code,
        String unitCode,
        String receivingUnitCode,
        String handlingUnitCode,
        List<String> unitPath,
        String procedureCode,
        int procedureVersion,
        String channel,
        String state,
        String resultKind,
        String legalRegime,
        boolean boundaryFree,
        boolean extensionUsed,
        Instant submittedAt,
        Instant receivedAt,
        Instant originalDueAt,
        Instant dueAt,
        Instant finishedAt,
        long pausedSeconds,
        int supplementRequests,
        String assignee,
        Rating rating,
        boolean imported,
        String importId) {

    public static final String IMPORT_PREFIX = "IMPORT:";

    public DossierFact {
        unitPath = unitPath == null ? List.of() : List.copyOf(unitPath);
    }

    /** The applicant's scores (dossier.rated). */
    public record Rating(int time, int contacts, int agencies, int attitude, boolean satisfied, Instant ratedAt) {}
}
