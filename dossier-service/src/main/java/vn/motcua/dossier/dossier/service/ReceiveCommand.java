package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;

/**
 * A reception at the counter or by post, as the officer entered it.
 *
 * @param handoverSignedAt postal only: when the hand-over record was signed, the legally valid reception time
 * @param outcome          what the desk decides after checking the paper dossier (ND61 Art 17(1)); null: RECEIVE
 * @param reason           the reasons of a supplement request or refusal, all at once (Art 15(3)); else null
 */
public record ReceiveCommand(
        String requestId,
        String procedureCode,
        Applicant applicant,
        Channel channel,
        Instant handoverSignedAt,
        String note,
        Outcome outcome,
        String reason) {

    /** A reception, the dossier being complete. */
    public ReceiveCommand(
            String requestId,
            String procedureCode,
            Applicant applicant,
            Channel channel,
            Instant handoverSignedAt,
            String note) {
        this(requestId, procedureCode, applicant, channel, handoverSignedAt, note, Outcome.RECEIVE, null);
    }

    /** ND61 Art 17(1): exactly one of (c) receive, (a) ask for a supplement, (b) refuse. */
    public enum Outcome {
        /** (c) complete: Form 01, the clock starts. */
        RECEIVE,
        /** (a) incomplete: Form 02, nothing starts; the dossier waits for the missing papers. */
        REQUEST_SUPPLEMENT,
        /** (b) refused: Form 03 with reasons. */
        REFUSE
    }

    public Outcome outcomeOrDefault() {
        return outcome == null ? Outcome.RECEIVE : outcome;
    }
}
