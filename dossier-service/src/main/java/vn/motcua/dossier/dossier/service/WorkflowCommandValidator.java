package vn.motcua.dossier.dossier.service;

import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks workflow commands before anything is read or written; reports every bad field at once. */
final class WorkflowCommandValidator {

    /** The law asks for the reason on these (ND61 Art 15(3), 19(4), 19(8), 19(9); Decree 118 Art 21). */
    private static final Set<DossierEvent> REASON_REQUIRED = EnumSet.of(DossierEvent.REQUEST_PRE_SUPPLEMENT,
            DossierEvent.REJECT, DossierEvent.REQUEST_SUPPLEMENT, DossierEvent.REFUSE,
            DossierEvent.APOLOGISE_AND_EXTEND, DossierEvent.STOP);
    private static final Set<DossierEvent> STEPS = EnumSet.of(DossierEvent.ASSIGN, DossierEvent.APPRAISE,
            DossierEvent.REQUEST_CONSULTATION, DossierEvent.ANSWER_CONSULTATION, DossierEvent.FORWARD_INTER_AGENCY,
            DossierEvent.SUBMIT_FOR_APPROVAL, DossierEvent.APPROVE);
    private static final Set<DossierEvent> UNIT_TARGET = EnumSet.of(DossierEvent.REQUEST_CONSULTATION,
            DossierEvent.FORWARD_INTER_AGENCY);
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,128}");
    private static final int REASON_MAX = 2000;

    private WorkflowCommandValidator() {
    }

    static void validate(TransitionCommand c, UnitTree units) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.requestId(problems, c.requestId());
        FieldChecks.dossierCode(problems, c.code());
        FieldChecks.text(problems, "reason", c.reason(), REASON_REQUIRED.contains(c.event()), REASON_MAX);
        target(problems, c, units);
        if (c.stepDueAt() != null && !STEPS.contains(c.event())) {
            problems.add(new FieldViolation("step_due_at", "is only for processing steps"));
        }
        if ((c.newDueAt() == null) == (c.event() == DossierEvent.APOLOGISE_AND_EXTEND)) {
            problems.add(new FieldViolation("new_due_at", c.newDueAt() == null ? "is required"
                    : "is only for a deadline extension"));
        }
        if ((c.returnChannel() == null) == (c.event() == DossierEvent.RETURN_RESULT)) {
            problems.add(new FieldViolation("channel", c.returnChannel() == null
                    ? "must be CHANNEL_COUNTER, CHANNEL_ONLINE or CHANNEL_POSTAL" : "is only for returning a result"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
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
            } else if (!FieldChecks.UNIT_CODE.matcher(target).matches() || units.find(target).isEmpty()) {
                problems.add(new FieldViolation("target", "is not a known unit code"));
            }
        } else if (!FieldChecks.blank(target)) {
            problems.add(new FieldViolation("target", "is only for processing steps"));
        }
    }

    static void validate(SubmitCommand c, String tokenCitizenId) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.requestId(problems, c.requestId());
        FieldChecks.code(problems, "procedure_code", c.procedureCode(), FieldChecks.PROCEDURE_CODE,
                "a procedure code");
        FieldChecks.code(problems, "unit_code", c.unitCode(), FieldChecks.UNIT_CODE, "a unit code");
        FieldChecks.applicant(problems, c.applicant());
        if (c.applicant() != null && !FieldChecks.blank(c.applicant().citizenId())
                && !c.applicant().citizenId().equals(tokenCitizenId)) {
            problems.add(new FieldViolation("applicant.citizen_id", "must be empty or your own (from your login)"));
        }
        FieldChecks.text(problems, "note", c.note(), false, 1000);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
