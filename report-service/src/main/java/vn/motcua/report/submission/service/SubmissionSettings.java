package vn.motcua.report.submission.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import vn.motcua.report.submission.domain.SubmissionDeadlines;

/**
 * Submission deadlines, calendar days after the period's last day at a local time (Asia/Ho_Chi_Minh). The defaults
 * are choices, not law (Circular 01/2020's deadlines are unverified [U]): a commune gets 3 days, its district 5 so that
 * two days remain to consolidate, by 16:00 as the Tứ Kỳ directive set its collection deadlines (domain.md 7.3).
 * <ul>
 *   <li>{@code motcua.report.submission.leaf-deadline-days} (3): units without children</li>
 *   <li>{@code motcua.report.submission.parent-deadline-days} (5): units with children</li>
 *   <li>{@code motcua.report.submission.deadline-time} (16:00)</li>
 * </ul>
 */
@Singleton
public class SubmissionSettings {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(16, 0);

    private final SubmissionDeadlines deadlines;

    public SubmissionSettings(
            @Value("${motcua.report.submission.leaf-deadline-days:3}") int leafDays,
            @Value("${motcua.report.submission.parent-deadline-days:5}") int parentDays,
            // no "16:00" default in the placeholder: its colon would end the property name's default early
            @Value("${motcua.report.submission.deadline-time:}") String time) {
        LocalTime at;
        try {
            at = time.isBlank() ? DEFAULT_TIME : LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "motcua.report.submission.deadline-time must be HH:mm, not '" + time + "'", e);
        }
        this.deadlines = new SubmissionDeadlines(leafDays, parentDays, at);
    }

    public SubmissionDeadlines deadlines() {
        return deadlines;
    }
}
