package vn.motcua.dossier.feedback.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.feedback.domain.FeedbackDeadlines;

/**
 * The feedback deadlines of a unit on its own work calendar. The answer limit is a deployment setting,
 * {@code motcua.feedback.answer-working-days}: 15 working days on DVCQG, shorter in some provinces (Ninh Bình
 * 2025: 10). A value outside 1..60 stops the service at start-up rather than computing absurd deadlines.
 */
@Singleton
public class FeedbackCalendars {

    private final DeadlineCalculators calculators;
    private final int answerWorkingDays;

    public FeedbackCalendars(
            DeadlineCalculators calculators,
            @Value("${motcua.feedback.answer-working-days:15}") int answerWorkingDays) {
        this.calculators = calculators;
        if (answerWorkingDays < 1 || answerWorkingDays > FeedbackDeadlines.MAX_ANSWER_WORKING_DAYS) {
            throw new IllegalArgumentException("motcua.feedback.answer-working-days must be in 1.."
                    + FeedbackDeadlines.MAX_ANSWER_WORKING_DAYS + ", was " + answerWorkingDays);
        }
        this.answerWorkingDays = answerWorkingDays;
    }

    public FeedbackDeadlines forUnit(String unitCode) {
        return new FeedbackDeadlines(calculators.forUnit(unitCode), answerWorkingDays);
    }
}
