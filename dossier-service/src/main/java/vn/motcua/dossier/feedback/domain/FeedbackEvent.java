package vn.motcua.dossier.feedback.domain;

/** What can happen to a feedback, each with the change-feed event type it emits. */
public enum FeedbackEvent {
    RECEIVE("feedback.received"),
    /** Classification; a NOT_ACCEPTED one refuses the feedback, every other one takes it into processing. */
    CLASSIFY("feedback.classified"),
    FORWARD("feedback.forwarded"),
    ANSWER("feedback.answered"),
    PUBLISH("feedback.published"),
    /** A citizen's like or dislike of the published answer; the state stays PUBLISHED. */
    REACT("feedback.reacted");

    private final String feedEventType;

    FeedbackEvent(String feedEventType) {
        this.feedEventType = feedEventType;
    }

    public String feedEventType() {
        return feedEventType;
    }
}
