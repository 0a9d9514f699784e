package vn.motcua.dossier.dossier.service;

import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * A citizen's rating of a dossier's handling (Decree 61 Art 31): each score 1 (poor) to 5 (good), 0 = not answered.
 *
 * @param comment free text; kept in the rating table, never put on the change feed
 */
public record RateCommand(
        String requestId,
        String code,
        int timeScore,
        int contactsScore,
        int agenciesScore,
        int attitudeScore,
        boolean satisfied,
        String comment) {

    String fingerprint() {
        return RequestIdempotency.fingerprint(
                code, timeScore, contactsScore, agenciesScore, attitudeScore, satisfied, comment);
    }
}
