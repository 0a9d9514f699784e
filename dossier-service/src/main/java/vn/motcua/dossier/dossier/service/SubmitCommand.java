package vn.motcua.dossier.dossier.service;

import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * An online submission (T1) as the citizen entered it. The applicant's citizen id is taken from the token; a
 * citizen id in the request must be empty or the same.
 *
 * @param unitCode the unit the dossier is filed at (boundary-free filing where the procedure is received there)
 */
public record SubmitCommand(String requestId, String procedureCode, String unitCode, Applicant applicant, String note) {

    String fingerprint() {
        return RequestIdempotency.fingerprint(procedureCode, unitCode, applicant, note);
    }
}
