package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;

/**
 * A reception at the counter or by post, as the officer entered it.
 *
 * @param handoverSignedAt postal only: when the hand-over record was signed, the legally valid reception time
 */
public record ReceiveCommand(
        String requestId,
        String procedureCode,
        Applicant applicant,
        Channel channel,
        Instant handoverSignedAt,
        String note) {}
