package vn.motcua.report.reminder.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReminderSettingsTest {

    @Test
    void theRetryDelayDoublesUpToItsCeiling() {
        ReminderSettings s = new ReminderSettings();
        s.setRetryDelay(Duration.ofMinutes(1));
        s.setMaxRetryDelay(Duration.ofMinutes(10));
        assertThat(s.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.retryAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.retryAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void addressesAreCheckedTrimmedAndDeduplicated() {
        java.util.List<vn.motcua.platform.error.FieldViolation> violations = new java.util.ArrayList<>();
        assertThat(NotificationService.addresses(
                        "assignee_emails",
                        java.util.List.of(" VanPhong@TayKy.HaiDuong.gov.vn ", "vanphong@tayky.haiduong.gov.vn"),
                        violations))
                .containsExactly("vanphong@tayky.haiduong.gov.vn");
        assertThat(violations).isEmpty();
        NotificationService.addresses(
                "leader_emails", java.util.List.of("a@b", "x\r\nBcc: y@z.vn", "\"q\"@z.vn"), violations);
        assertThat(violations).hasSize(3).allSatisfy(v -> assertThat(v.field()).isEqualTo("leader_emails"));
    }
}
