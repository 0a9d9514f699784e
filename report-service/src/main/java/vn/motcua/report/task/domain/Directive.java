package vn.motcua.report.task.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Văn bản chỉ đạo: what a unit issued. @param documentId null when no signed PDF is attached */
public record Directive(
        String id,
        String issuingUnit,
        String number,
        LocalDate signedOn,
        String title,
        String signer,
        String documentId,
        String issuedBy,
        Instant issuedAt) {

    /** "number - title", how lists name the directive a task belongs to. */
    public String label() {
        return number + " - " + title;
    }
}
