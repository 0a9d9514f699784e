package vn.motcua.dossier.dossier.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** Checks a reception before anything is written; reports every bad field at once. */
final class ReceiveCommandValidator {

    private ReceiveCommandValidator() {}

    static void validate(ReceiveCommand command, Instant now) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.requestId(problems, command.requestId());
        FieldChecks.code(
                problems, "procedure_code", command.procedureCode(), FieldChecks.PROCEDURE_CODE, "a procedure code");
        FieldChecks.applicant(problems, command.applicant());
        // the officer records who hands the dossier in, from their citizen id card, at the counter and from a
        // postal dossier alike (online, the id comes from the citizen's login instead)
        if (command.applicant() != null && FieldChecks.blank(command.applicant().citizenId())) {
            problems.add(new FieldViolation("applicant.citizen_id", "is required"));
        }
        FieldChecks.text(problems, "note", command.note(), false, FieldChecks.NOTE_MAX);
        // a supplement request or refusal at the desk states its reasons, all at once (ND61 Art 15(3), 17(1)(a),(b))
        boolean decided = command.outcomeOrDefault() != ReceiveCommand.Outcome.RECEIVE;
        if (decided) {
            FieldChecks.text(problems, "reason", command.reason(), true, WorkflowCommandValidator.REASON_MAX);
        } else if (!FieldChecks.blank(command.reason())) {
            problems.add(new FieldViolation("reason", "is only for a supplement request or refusal"));
        }
        if (command.channel() == null) {
            problems.add(new FieldViolation("channel", "must be CHANNEL_COUNTER or CHANNEL_POSTAL"));
        } else if (command.channel() == Channel.POSTAL) {
            Instant signed = command.handoverSignedAt();
            if (signed == null) {
                problems.add(new FieldViolation("handover_signed_at", "is required for postal reception"));
            } else if (signed.isAfter(now.plus(Duration.ofMinutes(5)))
                    || signed.isBefore(now.minus(Duration.ofDays(30)))) {
                problems.add(new FieldViolation("handover_signed_at", "must be within the last 30 days"));
            }
        } else if (command.handoverSignedAt() != null) {
            problems.add(new FieldViolation("handover_signed_at", "is only for postal reception"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
