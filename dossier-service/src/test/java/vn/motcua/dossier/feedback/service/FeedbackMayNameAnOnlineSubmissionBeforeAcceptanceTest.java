package vn.motcua.dossier.feedback.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;

/**
 * An online dossier is known by its submission reference until an officer accepts it (ADR 0004, issue 16): a citizen
 * writing feedback about it names that reference, the only identifier they have yet.
 */
class FeedbackMayNameAnOnlineSubmissionBeforeAcceptanceTest {

    private static SubmitFeedbackCommand about(String dossierCode) {
        return new SubmitFeedbackCommand(
                "req-1",
                "11077",
                "Hồ sơ chậm",
                "Hồ sơ của tôi chưa được tiếp nhận.",
                "Nguyễn Văn An",
                null,
                null,
                dossierCode);
    }

    @Test
    void aSubmissionReferenceIsAcceptedLikeALegalCode() {
        assertThatCode(() -> FeedbackValidator.submit(about("TN-261207-5AY1RRDVFH")))
                .doesNotThrowAnyException();
        assertThatCode(() -> FeedbackValidator.submit(about("000.02.24.H30-261207-0001")))
                .doesNotThrowAnyException();
    }

    @Test
    void somethingThatIsNeitherIsStillRefused() {
        assertThatThrownBy(() -> FeedbackValidator.submit(about("TN-../../etc")))
                .isInstanceOf(DomainException.class);
    }
}
