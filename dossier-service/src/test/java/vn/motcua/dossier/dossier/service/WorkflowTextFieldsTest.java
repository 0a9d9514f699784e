package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * The free text of a workflow verb is checked here, not in the gateway (issue 8), and reported under the name the
 * verb's request gives it: a note, a result note or a reason, each with its own limit.
 */
class WorkflowTextFieldsTest {

    private static final UnitTree NO_UNITS = new UnitTree(List.of());
    private static final String CODE = "H30.298.11077-250303-0001";

    private static TransitionCommand command(DossierEvent event, String text) {
        return TransitionCommand.of("r-1", CODE, event, text);
    }

    private static List<FieldViolation> problems(TransitionCommand command) {
        DomainException e =
                catchThrowableOfType(DomainException.class, () -> WorkflowCommandValidator.validate(command, NO_UNITS));
        return e == null ? List.of() : e.violations();
    }

    @Test
    void eachVerbNamesItsTextAsItsRequestDoes() {
        assertThat(WorkflowCommandValidator.textField(DossierEvent.RESUBMIT)).isEqualTo("note");
        assertThat(WorkflowCommandValidator.textField(DossierEvent.SUPPLEMENT_RECEIVED))
                .isEqualTo("note");
        assertThat(WorkflowCommandValidator.textField(DossierEvent.APPRAISE)).isEqualTo("note");
        assertThat(WorkflowCommandValidator.textField(DossierEvent.ISSUE_RESULT))
                .isEqualTo("result_note");
        assertThat(WorkflowCommandValidator.textField(DossierEvent.REJECT)).isEqualTo("reason");
        assertThat(WorkflowCommandValidator.textField(DossierEvent.WITHDRAW)).isEqualTo("reason");
    }

    @Test
    void aNoteTakes1000Characters() {
        String limit = "n".repeat(1000);
        for (DossierEvent event :
                List.of(DossierEvent.RESUBMIT, DossierEvent.SUPPLEMENT_RECEIVED, DossierEvent.APPRAISE)) {
            assertThatCode(() -> WorkflowCommandValidator.validate(command(event, limit), NO_UNITS))
                    .doesNotThrowAnyException();
            assertThat(problems(command(event, limit + "n")))
                    .containsExactly(new FieldViolation("note", "at most 1000 characters"));
        }
        assertThat(problems(command(DossierEvent.ISSUE_RESULT, limit + "n")))
                .containsExactly(new FieldViolation("result_note", "at most 1000 characters"));
    }

    @Test
    void aReasonTakes2000Characters() {
        assertThatCode(() ->
                        WorkflowCommandValidator.validate(command(DossierEvent.REJECT, "r".repeat(2000)), NO_UNITS))
                .doesNotThrowAnyException();
        assertThat(problems(command(DossierEvent.REJECT, "r".repeat(2001))))
                .containsExactly(new FieldViolation("reason", "at most 2000 characters"));
    }

    @Test
    void charactersAreCountedAsPeopleSeeThem() {
        // an emoji is two UTF-16 units but one character, as the VARCHAR column counts it
        String emoji = "\uD83D\uDE00".repeat(1000);
        assertThatCode(() -> WorkflowCommandValidator.validate(command(DossierEvent.RESUBMIT, emoji), NO_UNITS))
                .doesNotThrowAnyException();
    }

    @Test
    void notesMayHaveSeveralLinesButNoOtherControls() {
        assertThatCode(() -> WorkflowCommandValidator.validate(command(DossierEvent.RESUBMIT, "a\r\n\tb"), NO_UNITS))
                .doesNotThrowAnyException();
        assertThat(problems(command(DossierEvent.ISSUE_RESULT, "a\u0007b")))
                .containsExactly(
                        new FieldViolation("result_note", "contains control, invisible or unprintable characters"));
        assertThat(problems(command(DossierEvent.SUPPLEMENT_RECEIVED, "a\u202Eb")))
                .containsExactly(new FieldViolation("note", "contains control, invisible or unprintable characters"));
    }

    @Test
    void aNoteIsOptionalAReasonWhereTheLawAsksForOne() {
        assertThatCode(() -> WorkflowCommandValidator.validate(command(DossierEvent.RESUBMIT, ""), NO_UNITS))
                .doesNotThrowAnyException();
        assertThat(problems(command(DossierEvent.REFUSE, "")))
                .containsExactly(new FieldViolation("reason", "is required"));
    }
}
