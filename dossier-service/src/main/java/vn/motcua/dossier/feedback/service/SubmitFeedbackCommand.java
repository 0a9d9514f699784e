package vn.motcua.dossier.feedback.service;

import vn.motcua.platform.idempotency.RequestIdempotency;

/** A feedback as typed by the citizen, or by the officer recording a written or phoned-in one. */
public record SubmitFeedbackCommand(
        String requestId,
        String unitCode,
        String title,
        String content,
        String senderName,
        String senderAddress,
        String senderContact,
        String dossierCode) {

    String fingerprint() {
        return RequestIdempotency.fingerprint(
                unitCode, title, content, senderName, senderAddress, senderContact, dossierCode);
    }
}
