package vn.motcua.dossier.feedback.service;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;

/** Feedback texts and unit codes follow the same rules as every other field of dossier-service, not their own. */
class FeedbackTextFollowsTheServiceTextRuleTest {

    @Test
    void aStepTextThatOnlyLooksFilledInIsRefused() {
        FeedbackValidator step = FeedbackValidator.step("req-1", "3f2a8c1e-0000-4000-8000-000000000001");
        step.text("note", "\u3164\u3164", true, 100, false);
        assertThatThrownBy(step::done).isInstanceOf(DomainException.class);
    }

    @Test
    void aLineSeparatorIsNotText() {
        FeedbackValidator step = FeedbackValidator.step("req-1", "3f2a8c1e-0000-4000-8000-000000000001");
        step.text("note", "Đã xử lý\u2028xong", true, 100, false);
        assertThatThrownBy(step::done).isInstanceOf(DomainException.class);
    }

    @Test
    void lengthsCountCharactersAsPeopleDo() {
        FeedbackValidator step = FeedbackValidator.step("req-1", "3f2a8c1e-0000-4000-8000-000000000001");
        step.text("note", "😀".repeat(10), true, 10, false);
        step.done();
    }

    @Test
    void unitCodesAreTheUnitAdministrationsCodes() {
        FeedbackValidator.publicUnit("UNIT_A-1.2");
        assertThatThrownBy(() -> FeedbackValidator.publicUnit("11077/..")).isInstanceOf(DomainException.class);
    }
}
