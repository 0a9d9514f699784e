package vn.motcua.dossier.forms;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the dossier tracking register (Form 06 / 2025 Form 07). The column set is not
 * verified against the circular (domain.md 3.1, [U]); it follows the set listed there.
 * Only sequence number, code, procedure, applicant and reception time are required; the
 * later milestones are null until they happen and print blank.
 *
 * @param sequenceNo keeps running across books within a year (Circular 01/2018 Art 10(2)),
 *                   so it is supplied by the caller, never recomputed here
 */
public record RegisterRow(
        long sequenceNo,
        String dossierCode,
        String procedureName,
        int dossierCount,
        String applicantName,
        String applicantContact,
        String competentUnit,
        Instant receivedAt,
        Instant dueAt,
        Instant transferredAt,
        Instant resultReceivedAt,
        Instant returnedAt,
        String note) {

    public RegisterRow {
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A freshly received dossier: one set, no later milestone yet. */
    public static RegisterRow of(long sequenceNo, DossierSnapshot d) {
        String contact = joinNonBlank(d.applicant().address(), d.applicant().phone());
        return new RegisterRow(
                sequenceNo,
                d.code(),
                d.procedureName(),
                1,
                d.applicant().name(),
                contact,
                d.competentUnit(),
                d.receivedAt(),
                d.dueAt(),
                null,
                null,
                null,
                null);
    }

    private static String joinNonBlank(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "; " + b;
    }
}
