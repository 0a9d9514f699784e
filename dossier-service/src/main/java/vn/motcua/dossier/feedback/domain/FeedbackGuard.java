package vn.motcua.dossier.feedback.domain;

import java.util.function.Predicate;

/** Business preconditions of a transition, beyond the state; each names the rule reported when it fails. */
public enum FeedbackGuard {
    /** Staff behaviour and regulations of other agencies are forwarded, not answered here (Art 9(4), 14). */
    ANSWERABLE_HERE(f -> f.classification() != null && !f.classification().mustBeForwarded(), "MUST_BE_FORWARDED"),
    /** A regulation within the unit's competence is answered by the unit itself. */
    FORWARDABLE(f -> f.classification() != null && f.classification().mustBeForwarded(), "WITHIN_COMPETENCE");

    private final Predicate<Feedback> holds;
    private final String ruleWhenFailed;

    FeedbackGuard(Predicate<Feedback> holds, String ruleWhenFailed) {
        this.holds = holds;
        this.ruleWhenFailed = ruleWhenFailed;
    }

    public boolean holdsFor(Feedback feedback) {
        return holds.test(feedback);
    }

    /** Stable UPPER_SNAKE name for the RULE_VIOLATED metadata. */
    public String ruleWhenFailed() {
        return ruleWhenFailed;
    }
}
