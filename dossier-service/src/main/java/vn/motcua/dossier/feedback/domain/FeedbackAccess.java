package vn.motcua.dossier.feedback.domain;

import java.util.Optional;

/**
 * Who may read a feedback, and how much of it. The sender and the unit's TTHC controllers see everything;
 * anyone may see a published answer, without the sender's contact data or the linked dossier.
 */
public final class FeedbackAccess {

    public enum View {
        FULL,
        PUBLIC
    }

    private FeedbackAccess() {}

    /** Reading a single feedback is for citizens and TTHC controllers; every other role is refused outright. */
    public static boolean mayAskFor(FeedbackActor actor) {
        return actor.isController() || actor.isCitizen();
    }

    /** The view {@code actor} gets, or empty when the feedback is outside what they may see. */
    public static Optional<View> viewFor(FeedbackActor actor, Feedback feedback) {
        if ((actor.isController() && actor.covers(feedback.unitCode())) || actor.isSenderOf(feedback)) {
            return Optional.of(View.FULL);
        }
        return feedback.state() == FeedbackState.PUBLISHED ? Optional.of(View.PUBLIC) : Optional.empty();
    }
}
