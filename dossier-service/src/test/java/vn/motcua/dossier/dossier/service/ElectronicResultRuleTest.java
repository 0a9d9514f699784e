package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** Issue 12: the result is issued only over an attached electronic result whose signature verified as VALID. */
class ElectronicResultRuleTest {

    private static final String CODE = "H30.298.11077-260309-0001";

    @Test
    void aValidlySignedResultPasses() {
        assertThatCode(() -> ElectronicResultRule.requireAttached(
                        CODE, Optional.of(new ElectronicResults.AttachedResult("doc-1", "VALID"))))
                .doesNotThrowAnyException();
    }

    @Test
    void noResultIsARuleViolationThatSaysWhatToDo() {
        assertThatThrownBy(() -> ElectronicResultRule.requireAttached(CODE, Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                    assertThat(e.reason()).isEqualTo(ErrorReason.RULE_VIOLATED);
                    assertThat(e.metadata()).containsEntry("rule", "ELECTRONIC_RESULT_ATTACHED");
                    assertThat(e.getMessage())
                            .contains(CODE)
                            .contains("no electronic result attached")
                            .contains("before issuing the result");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNSIGNED", "TAMPERED", "UNTRUSTED", "MALFORMED", "", "valid"})
    void aResultWhoseSignatureIsNotValidDoesNotCount(String verdict) {
        assertThatThrownBy(() -> ElectronicResultRule.requireAttached(
                        CODE, Optional.of(new ElectronicResults.AttachedResult("doc-1", verdict))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                    assertThat(e.metadata())
                            .containsEntry("rule", "ELECTRONIC_RESULT_ATTACHED")
                            .containsEntry("verdict", verdict.isEmpty() ? "UNKNOWN" : verdict)
                            .containsEntry("document_id", "doc-1");
                    assertThat(e.getMessage()).contains("not VALID");
                });
    }
}
