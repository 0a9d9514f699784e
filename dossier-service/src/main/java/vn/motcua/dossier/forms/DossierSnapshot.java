package vn.motcua.dossier.forms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The dossier facts printed on the per-dossier forms, frozen at print time so that a form
 * re-rendered later shows what was issued. Instants are converted to Vietnam time only when
 * printed.
 *
 * @param dueAt          appointment for the result; null when there is none (refused at reception)
 * @param feeTotalDong   fees and charges in đồng (VND has no minor unit)
 * @param registerBook   "Quyển số" of the tracking register; may be null
 * @param registerNumber "Số thứ tự" in that register; may be null
 * @param lookupKey      the key of the public status lookup, printed on the receipt (ADR 0005); may be null
 */
public record DossierSnapshot(
        String code,
        String procedureCode,
        String procedureName,
        Applicant applicant,
        Instant receivedAt,
        Instant dueAt,
        List<DocumentComponent> components,
        long feeTotalDong,
        String receivingUnit,
        String competentUnit,
        String returnPlace,
        String officerName,
        String registerBook,
        String registerNumber,
        String lookupKey) {

    public DossierSnapshot {
        Objects.requireNonNull(code, "dossier code");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (feeTotalDong < 0) {
            throw new IllegalArgumentException("feeTotalDong must be >= 0: " + feeTotalDong);
        }
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** Number of papers handed in, summed over the components. */
    public int paperCount() {
        return components.stream().mapToInt(DocumentComponent::quantity).sum();
    }

    /** The same snapshot with its line in the tracking register (Form 01 links to Form 06 through it). */
    public DossierSnapshot inRegister(String book, String number) {
        return new DossierSnapshot(
                code,
                procedureCode,
                procedureName,
                applicant,
                receivedAt,
                dueAt,
                components,
                feeTotalDong,
                receivingUnit,
                competentUnit,
                returnPlace,
                officerName,
                book,
                number,
                lookupKey);
    }
}
