package vn.motcua.dossier.feedback.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One feedback (phản ánh, kiến nghị) and everything the unit did with it. Immutable; each step returns the next
 * value with its times, step deadline and in-time judgement filled in. Whether a step is allowed at all is
 * {@link FeedbackStateMachine}'s decision, made before.
 *
 * @param stepDueAt deadline of the step the unit owes now: classify or forward (5 working days from reception)
 *                  while RECEIVED and while PROCESSING a feedback to be forwarded, answer while PROCESSING one within
 *                  competence, publish while ANSWERED; null once final
 */
public record Feedback(
        String id,
        String unitCode,
        String title,
        String content,
        Sender sender,
        Intake intake,
        String dossierCode,
        FeedbackState state,
        FeedbackClass classification,
        String classificationNote,
        String forwardedTo,
        String forwardNote,
        String answer,
        Instant receivedAt,
        Instant classifiedAt,
        Instant forwardedAt,
        Instant answeredAt,
        Instant publishedAt,
        Instant stepDueAt,
        Timeliness timeliness,
        int likes,
        int dislikes) {

    public Feedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(timeliness, "timeliness");
    }

    /** A feedback just received; the unit owes its classification within 5 working days. */
    public static Feedback received(
            String id,
            String unitCode,
            String title,
            String content,
            Sender sender,
            Intake intake,
            String dossierCode,
            Instant receivedAt,
            FeedbackDeadlines deadlines) {
        return new Feedback(
                id,
                unitCode,
                title,
                content,
                sender,
                intake,
                dossierCode,
                FeedbackState.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                receivedAt,
                null,
                null,
                null,
                null,
                deadlines.forwardDue(receivedAt),
                Timeliness.NONE,
                0,
                0);
    }

    /**
     * Classification: NOT_ACCEPTED refuses (in time within 2 working days of reception); any other class takes the
     * feedback into processing (in time within 5). The next deadline is the answer's for a regulation within
     * competence, the forwarding's (unchanged, 5 working days from reception) otherwise.
     */
    public Feedback classify(FeedbackClass as, String note, Instant now, FeedbackDeadlines deadlines) {
        Objects.requireNonNull(as, "as");
        FeedbackState to = as.stateAfterClassification();
        Instant stepDue = switch (to) {
            case REJECTED -> null;
            default -> as.mustBeForwarded() ? deadlines.forwardDue(receivedAt) : deadlines.answerDue(receivedAt);
        };
        Instant due =
                as == FeedbackClass.NOT_ACCEPTED ? deadlines.refuseDue(receivedAt) : deadlines.forwardDue(receivedAt);
        return new Feedback(
                id,
                unitCode,
                title,
                content,
                sender,
                intake,
                dossierCode,
                to,
                as,
                note,
                forwardedTo,
                forwardNote,
                answer,
                receivedAt,
                now,
                forwardedAt,
                answeredAt,
                publishedAt,
                stepDue,
                timeliness.classified(FeedbackDeadlines.inTime(now, due)),
                likes,
                dislikes);
    }

    /** Sent on to the competent agency; late after 5 working days from reception, but still allowed. */
    public Feedback forward(String to, String note, Instant now, FeedbackDeadlines deadlines) {
        return new Feedback(
                id,
                unitCode,
                title,
                content,
                sender,
                intake,
                dossierCode,
                FeedbackState.FORWARDED,
                classification,
                classificationNote,
                to,
                note,
                answer,
                receivedAt,
                classifiedAt,
                now,
                answeredAt,
                publishedAt,
                null,
                timeliness.forwarded(FeedbackDeadlines.inTime(now, deadlines.forwardDue(receivedAt))),
                likes,
                dislikes);
    }

    /** Answered (chờ công khai): judged against the answer limit from reception; publication is owed in 2 days. */
    public Feedback answer(String text, Instant now, FeedbackDeadlines deadlines) {
        return new Feedback(
                id,
                unitCode,
                title,
                content,
                sender,
                intake,
                dossierCode,
                FeedbackState.ANSWERED,
                classification,
                classificationNote,
                forwardedTo,
                forwardNote,
                text,
                receivedAt,
                classifiedAt,
                forwardedAt,
                now,
                publishedAt,
                deadlines.publishDue(now),
                timeliness.answered(FeedbackDeadlines.inTime(now, deadlines.answerDue(receivedAt))),
                likes,
                dislikes);
    }

    /** The answer made public (Decree 20/2008 Art 19); in time within 2 working days of the answer. */
    public Feedback publish(Instant now, FeedbackDeadlines deadlines) {
        return new Feedback(
                id,
                unitCode,
                title,
                content,
                sender,
                intake,
                dossierCode,
                FeedbackState.PUBLISHED,
                classification,
                classificationNote,
                forwardedTo,
                forwardNote,
                answer,
                receivedAt,
                classifiedAt,
                forwardedAt,
                answeredAt,
                now,
                null,
                timeliness.published(FeedbackDeadlines.inTime(now, deadlines.publishDue(answeredAt))),
                likes,
                dislikes);
    }

    /** A citizen's reaction set, changed or repeated: {@code previous} is their earlier one, null if none. */
    public Feedback react(Reaction previous, Reaction now) {
        Objects.requireNonNull(now, "now");
        int l = likes + (now == Reaction.LIKE ? 1 : 0) - (previous == Reaction.LIKE ? 1 : 0);
        int d = dislikes + (now == Reaction.DISLIKE ? 1 : 0) - (previous == Reaction.DISLIKE ? 1 : 0);
        return new Feedback(
                id,
                unitCode,
                title,
                content,
                sender,
                intake,
                dossierCode,
                state,
                classification,
                classificationNote,
                forwardedTo,
                forwardNote,
                answer,
                receivedAt,
                classifiedAt,
                forwardedAt,
                answeredAt,
                publishedAt,
                stepDueAt,
                timeliness,
                l,
                d);
    }

    /**
     * For a handled feedback, whether it was handled on time in the sense of PETITION_PROCESSING_ON_TIME: refused
     * in time, forwarded in time, or answered and published in time. Null while a step is still owed.
     */
    public Boolean handledInTime() {
        return switch (state) {
            case REJECTED -> timeliness.classifiedInTime();
            case FORWARDED -> timeliness.forwardedInTime();
            case PUBLISHED ->
                Boolean.TRUE.equals(timeliness.answeredInTime()) && Boolean.TRUE.equals(timeliness.publishedInTime());
            default -> null;
        };
    }
}
