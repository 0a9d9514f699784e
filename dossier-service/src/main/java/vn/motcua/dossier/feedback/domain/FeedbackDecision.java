package vn.motcua.dossier.feedback.domain;

import java.util.Objects;

/** What {@link FeedbackStateMachine} says about a requested event. */
public sealed interface FeedbackDecision permits FeedbackDecision.Allowed, FeedbackDecision.Rejected {

    /** @param from null for the creation of a feedback */
    record Allowed(FeedbackState from, FeedbackEvent event, FeedbackState to) implements FeedbackDecision {}

    /**
     * @param kind the first check that failed, in the order of {@link Kind}
     * @param rule the failed guard's rule for {@link Kind#RULE_VIOLATED}, else null
     */
    record Rejected(Kind kind, FeedbackState from, FeedbackEvent event, String rule) implements FeedbackDecision {

        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(event, "event");
            if ((kind == Kind.RULE_VIOLATED) != (rule != null)) {
                throw new IllegalArgumentException("rule is set exactly for RULE_VIOLATED");
            }
        }

        /** "NONE" before creation. */
        public String fromName() {
            return from == null ? "NONE" : from.name();
        }

        public String message() {
            return switch (kind) {
                case ROLE_NOT_ALLOWED -> "the caller's roles may not " + event + " a feedback";
                case CITIZEN_ID_MISSING -> "the token carries no citizen_id";
                case OUT_OF_SCOPE -> "feedback not found";
                case ILLEGAL_TRANSITION -> "cannot " + event + " a feedback in state " + fromName();
                case RULE_VIOLATED -> "cannot " + event + " a feedback in state " + fromName() + ": " + rule;
            };
        }
    }

    /** Checked in this order, so that nobody learns more than their role and scope allow. */
    enum Kind {
        /** PERMISSION_DENIED: no role of the caller may ever fire this event. */
        ROLE_NOT_ALLOWED,
        /** PERMISSION_DENIED: a citizen token without the citizen's id. */
        CITIZEN_ID_MISSING,
        /** NOT_FOUND: the feedback (or the unit) is outside what the caller may see or act on. */
        OUT_OF_SCOPE,
        /** FAILED_PRECONDITION: the event is not possible in the current state. */
        ILLEGAL_TRANSITION,
        /** FAILED_PRECONDITION: the state allows it but a business rule does not. */
        RULE_VIOLATED
    }
}
