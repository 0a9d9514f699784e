package vn.motcua.dossier.feedback.domain;

import java.time.Instant;
import java.util.Objects;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.calendar.TimeLimit;

/**
 * The feedback deadlines of one unit, on its work calendar (domain.md §8.7, §13.1–13.2), all in working days:
 * <ul>
 * <li>classify, and forward what is not ours, within 5 of reception (Decree 20/2008 Art 9);</li>
 * <li>refuse within 2 of reception;</li>
 * <li>answer within {@code answerWorkingDays} of reception (15 on DVCQG; some provinces set 10);</li>
 * <li>publish within 2 of the answer.</li>
 * </ul>
 * Pure: the unit's {@link DeadlineCalculator} does the calendar walk (its policy decides how a working day is
 * counted), so the same rules serve every unit.
 */
public final class FeedbackDeadlines {

    public static final TimeLimit CLASSIFY_OR_FORWARD = TimeLimit.workingDays(5);
    public static final TimeLimit REFUSE = TimeLimit.workingDays(2);
    public static final TimeLimit PUBLISH = TimeLimit.workingDays(2);
    public static final int DEFAULT_ANSWER_WORKING_DAYS = 15;
    /** A sanity bound for the setting; the legal limits are 10 to 15. */
    public static final int MAX_ANSWER_WORKING_DAYS = 60;

    private final DeadlineCalculator calculator;
    private final TimeLimit answer;

    public FeedbackDeadlines(DeadlineCalculator calculator, int answerWorkingDays) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        if (answerWorkingDays < 1 || answerWorkingDays > MAX_ANSWER_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "answer working days must be in 1.." + MAX_ANSWER_WORKING_DAYS + ", was " + answerWorkingDays);
        }
        this.answer = TimeLimit.workingDays(answerWorkingDays);
    }

    public Instant forwardDue(Instant receivedAt) {
        return calculator.dueAt(receivedAt, CLASSIFY_OR_FORWARD);
    }

    public Instant refuseDue(Instant receivedAt) {
        return calculator.dueAt(receivedAt, REFUSE);
    }

    public Instant answerDue(Instant receivedAt) {
        return calculator.dueAt(receivedAt, answer);
    }

    public Instant publishDue(Instant answeredAt) {
        return calculator.dueAt(answeredAt, PUBLISH);
    }

    /** Done at or before the due moment. */
    public static boolean inTime(Instant doneAt, Instant dueAt) {
        return !doneAt.isAfter(dueAt);
    }

    /**
     * While a step is owed: IN_TIME, NEAR_DUE (at most one working day left) or OVERDUE against the step's due
     * moment. Once handled: IN_TIME when every step that counts was in time, else OVERDUE.
     */
    public DeadlineState stateAt(Instant now, Feedback feedback) {
        if (feedback.state().isFinal()) {
            return Boolean.TRUE.equals(feedback.handledInTime()) ? DeadlineState.IN_TIME : DeadlineState.OVERDUE;
        }
        return calculator.stateAt(now, feedback.stepDueAt());
    }
}
