package vn.motcua.report.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.report.ii06a.domain.SampleReports;

class SubmissionRulesTest {

    @Test
    void aPeriodCanBeSubmittedFromTheNextLocalDayOn() {
        // Q3 2026 ends 30/09; 30/09 23:59 in Hanoi is 16:59 UTC
        assertThatThrownBy(() ->
                        SubmissionRules.requirePeriodOver(SampleReports.Q3_2026, Instant.parse("2026-09-30T16:59:59Z")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("period");
                    assertThat(e.getMessage()).contains("01/10/2026");
                });
        assertThatCode(() ->
                        SubmissionRules.requirePeriodOver(SampleReports.Q3_2026, Instant.parse("2026-09-30T17:00:00Z")))
                .doesNotThrowAnyException();
    }

    @Test
    void aCorrectionNeedsAReasonAndVersionOneDoesNot() {
        assertThatCode(() -> SubmissionRules.requireReasonForCorrection(1, null))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SubmissionRules.requireReasonForCorrection(2, SubmissionRules.normalizeReason("  ")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("reason"));
        assertThatCode(() -> SubmissionRules.requireReasonForCorrection(2, "bổ sung hồ sơ nhập muộn"))
                .doesNotThrowAnyException();
    }

    @Test
    void aReasonIsAtMostAThousandCharactersCountedAsTheDatabaseCountsThem() {
        String thousandVietnamese = "ữ".repeat(1000);
        assertThat(SubmissionRules.reasonLength(thousandVietnamese)).isEmpty();
        assertThat(SubmissionRules.reasonLength(thousandVietnamese + "a"))
                .extracting(v -> v.field())
                .containsExactly("reason");
        // 1000 characters outside the BMP are 2000 UTF-16 units but still 1000 characters
        assertThat(SubmissionRules.reasonLength("😀".repeat(1000))).isEmpty();
    }

    @Test
    void aReasonIsStoredStrippedAndBlankMeansNone() {
        assertThat(SubmissionRules.normalizeReason("  sửa số liệu \n")).isEqualTo("sửa số liệu");
        assertThat(SubmissionRules.normalizeReason(" \t")).isNull();
        assertThat(SubmissionRules.normalizeReason(null)).isNull();
    }
}
