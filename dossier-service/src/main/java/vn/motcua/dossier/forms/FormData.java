package vn.motcua.dossier.forms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything any form may need. One record for all types keeps {@link FormRenderer} to a
 * single entry point; each form checks for the parts it uses and says which one is missing.
 * Build with {@link #forDossier} or {@link #forRegister} and the {@code with…} methods.
 *
 * @param issuedAt         date of the document ("Tứ Kỳ, ngày … tháng … năm …"); explicit so
 *                         that a re-print shows the original date and output is reproducible
 * @param dossier          required by every per-dossier form
 * @param reasons          Form 02 requested items, Form 03 / apology / stop notice reason;
 *                         line breaks are kept
 * @param newAppointmentAt apology form: the new result time (2018) or extended deadline (2025)
 * @param handovers        control slip rows, in hand-over order
 * @param register         tracking register rows
 * @param signatory        optional override of the issuer's signature block
 */
public record FormData(
        FormHeader header,
        Instant issuedAt,
        DossierSnapshot dossier,
        String reasons,
        Instant newAppointmentAt,
        List<HandoverRow> handovers,
        RegisterBook register,
        Signatory signatory) {

    public FormData {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(issuedAt, "issuedAt");
        handovers = handovers == null ? List.of() : List.copyOf(handovers);
    }

    public static FormData forDossier(FormHeader header, Instant issuedAt, DossierSnapshot dossier) {
        return new FormData(
                header, issuedAt, Objects.requireNonNull(dossier, "dossier"), null, null, List.of(), null, null);
    }

    public static FormData forRegister(FormHeader header, Instant issuedAt, RegisterBook register) {
        return new FormData(
                header, issuedAt, null, null, null, List.of(), Objects.requireNonNull(register, "register"), null);
    }

    public FormData withReasons(String reasons) {
        return new FormData(header, issuedAt, dossier, reasons, newAppointmentAt, handovers, register, signatory);
    }

    public FormData withNewAppointment(Instant newAppointmentAt) {
        return new FormData(header, issuedAt, dossier, reasons, newAppointmentAt, handovers, register, signatory);
    }

    public FormData withHandovers(List<HandoverRow> handovers) {
        return new FormData(header, issuedAt, dossier, reasons, newAppointmentAt, handovers, register, signatory);
    }

    public FormData withSignatory(Signatory signatory) {
        return new FormData(header, issuedAt, dossier, reasons, newAppointmentAt, handovers, register, signatory);
    }
}
