package vn.motcua.dossier.dossier.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.StopGround;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** Checks workflow commands before anything is read or written; reports every bad field at once. */
final class WorkflowCommandValidator {

    /** The law asks for the reason on these (ND61 Art 15(3), 19(4), 19(8), 19(9); Decree 118 Art 21). */
    private static final Set<DossierEvent> REASON_REQUIRED = EnumSet.of(
            DossierEvent.REQUEST_PRE_SUPPLEMENT,
            DossierEvent.REJECT,
            DossierEvent.REQUEST_SUPPLEMENT,
            DossierEvent.REFUSE,
            DossierEvent.APOLOGISE_AND_EXTEND,
            DossierEvent.STOP);

    private static final Set<DossierEvent> STEPS = EnumSet.of(
            DossierEvent.ASSIGN,
            DossierEvent.APPRAISE,
            DossierEvent.REQUEST_CONSULTATION,
            DossierEvent.ANSWER_CONSULTATION,
            DossierEvent.FORWARD_INTER_AGENCY,
            DossierEvent.SUBMIT_FOR_APPROVAL,
            DossierEvent.APPROVE);
    private static final Set<DossierEvent> UNIT_TARGET =
            EnumSet.of(DossierEvent.REQUEST_CONSULTATION, DossierEvent.FORWARD_INTER_AGENCY);
    private static final Set<String> STOP_GROUNDS =
            Arrays.stream(StopGround.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,128}");
    /**
     * A reason is longer than a note: a supplement request or a refusal lists every item at once (ND61 Art 15(3)),
     * and the history keeps 2000 characters.
     */
    static final int REASON_MAX = 2000;

    private WorkflowCommandValidator() {}

    static void validate(TransitionCommand c, UnitTree units) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.requestId(problems, c.requestId());
        FieldChecks.dossierCode(problems, c.code());
        textOf(problems, c);
        target(problems, c, units);
        if (c.stepDueAt() != null && !STEPS.contains(c.event())) {
            problems.add(new FieldViolation("step_due_at", "is only for processing steps"));
        }
        if ((c.newDueAt() == null) == (c.event() == DossierEvent.APOLOGISE_AND_EXTEND)) {
            problems.add(new FieldViolation(
                    "new_due_at", c.newDueAt() == null ? "is required" : "is only for a deadline extension"));
        }
        if (c.handoverSignedAt() != null && c.event() != DossierEvent.ACCEPT) {
            problems.add(new FieldViolation("handover_signed_at", "is only for accepting a postal dossier"));
        }
        if ((c.returnChannel() == null) == (c.event() == DossierEvent.RETURN_RESULT)) {
            problems.add(new FieldViolation(
                    "channel",
                    c.returnChannel() == null
                            ? "must be CHANNEL_COUNTER, CHANNEL_ONLINE or CHANNEL_POSTAL"
                            : "is only for returning a result"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    /**
     * The verb's free text (TransitionCommand.reason), reported under the name its request gives it, so the client
     * learns which of its fields is wrong: RESUBMIT, SUPPLEMENT_RECEIVED and the processing steps send a {@code note}
     * and ISSUE_RESULT a {@code result_note}, each at most {@link FieldChecks#NOTE_MAX} characters; the other verbs a
     * {@code reason} of at most {@link #REASON_MAX}, required where the law asks for one.
     */
    private static void textOf(List<FieldViolation> problems, TransitionCommand c) {
        String field = textField(c.event());
        int max = field.equals("reason") ? REASON_MAX : FieldChecks.NOTE_MAX;
        FieldChecks.text(problems, field, c.reason(), REASON_REQUIRED.contains(c.event()), max);
    }

    static String textField(DossierEvent event) {
        if (event == DossierEvent.RESUBMIT || event == DossierEvent.SUPPLEMENT_RECEIVED || STEPS.contains(event)) {
            return "note";
        }
        return event == DossierEvent.ISSUE_RESULT ? "result_note" : "reason";
    }

    private static void target(List<FieldViolation> problems, TransitionCommand c, UnitTree units) {
        String target = c.target();
        if (c.event() == DossierEvent.ASSIGN) {
            FieldChecks.code(problems, "target", target, USERNAME, "a username");
        } else if (UNIT_TARGET.contains(c.event()) || c.event() == DossierEvent.ANSWER_CONSULTATION) {
            if (FieldChecks.blank(target)) {
                if (UNIT_TARGET.contains(c.event())) {
                    problems.add(new FieldViolation("target", "is required (the other unit's code)"));
                }
            } else if (!FieldChecks.UNIT_CODE.matcher(target).matches()
                    || units.find(target).isEmpty()) {
                problems.add(new FieldViolation("target", "is not a known unit code"));
            }
        } else if (c.event() == DossierEvent.STOP) {
            // the ground of a stop (Circular 03/2025 Art 7); which caller may give which ground is the service's
            if (!FieldChecks.blank(target) && !STOP_GROUNDS.contains(target)) {
                problems.add(new FieldViolation("ground", "must be one of " + STOP_GROUNDS));
            }
        } else if (!FieldChecks.blank(target)) {
            problems.add(new FieldViolation("target", "is only for processing steps"));
        }
    }

    static void validate(SubmitCommand c, String tokenCitizenId) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.requestId(problems, c.requestId());
        FieldChecks.code(problems, "procedure_code", c.procedureCode(), FieldChecks.PROCEDURE_CODE, "a procedure code");
        FieldChecks.code(problems, "unit_code", c.unitCode(), FieldChecks.UNIT_CODE, "a unit code");
        FieldChecks.applicant(problems, c.applicant());
        if (c.applicant() != null
                && !FieldChecks.blank(c.applicant().citizenId())
                && !c.applicant().citizenId().equals(tokenCitizenId)) {
            problems.add(new FieldViolation("applicant.citizen_id", "must be empty or your own (from your login)"));
        }
        FieldChecks.text(problems, "note", c.note(), false, FieldChecks.NOTE_MAX);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
