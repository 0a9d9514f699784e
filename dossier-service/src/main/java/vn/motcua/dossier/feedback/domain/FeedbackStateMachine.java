package vn.motcua.dossier.feedback.domain;

import static vn.motcua.dossier.feedback.domain.FeedbackEvent.ANSWER;
import static vn.motcua.dossier.feedback.domain.FeedbackEvent.CLASSIFY;
import static vn.motcua.dossier.feedback.domain.FeedbackEvent.FORWARD;
import static vn.motcua.dossier.feedback.domain.FeedbackEvent.PUBLISH;
import static vn.motcua.dossier.feedback.domain.FeedbackEvent.REACT;
import static vn.motcua.dossier.feedback.domain.FeedbackEvent.RECEIVE;
import static vn.motcua.dossier.feedback.domain.FeedbackState.ANSWERED;
import static vn.motcua.dossier.feedback.domain.FeedbackState.FORWARDED;
import static vn.motcua.dossier.feedback.domain.FeedbackState.PROCESSING;
import static vn.motcua.dossier.feedback.domain.FeedbackState.PUBLISHED;
import static vn.motcua.dossier.feedback.domain.FeedbackState.RECEIVED;
import static vn.motcua.dossier.feedback.domain.FeedbackState.REJECTED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.motcua.dossier.feedback.domain.FeedbackDecision.Kind;
import vn.motcua.dossier.feedback.domain.FeedbackDecision.Rejected;

/**
 * The feedback lifecycle as a table of allowed transitions (domain.md §13.1–13.2, simplified to the steps the
 * contract offers):
 * <pre>
 * (none) --RECEIVE--> RECEIVED --CLASSIFY(NOT_ACCEPTED)--> REJECTED
 *                     RECEIVED --CLASSIFY(any other)-----> PROCESSING --FORWARD--> FORWARDED
 *                                                          PROCESSING --ANSWER---> ANSWERED --PUBLISH--> PUBLISHED
 *                                                                                  PUBLISHED --REACT--> PUBLISHED
 * </pre>
 * Pure: no clock, database or framework. Who may fire an event does not depend on the state, so a wrong role is
 * always PERMISSION_DENIED and learns nothing about the feedback; then scope (NOT_FOUND), state
 * (ILLEGAL_TRANSITION) and guards (RULE_VIOLATED) follow.
 */
public final class FeedbackStateMachine {

    /** Who may fire an event. */
    public enum Permit {
        /** A citizen with a citizen id, or an intake officer whose units include the feedback's unit. */
        INTAKE,
        /** A TTHC controller whose units include the feedback's unit. */
        CONTROLLER,
        /** A citizen with a citizen id who can see the feedback (published, or their own). */
        CITIZEN
    }

    /** One row: {@code from} null creates the feedback; {@code guard} null means none. */
    public record Transition(FeedbackState from, FeedbackEvent event, FeedbackState to, FeedbackGuard guard) {}

    private static final Map<FeedbackEvent, Permit> PERMITS = new EnumMap<>(Map.of(
            RECEIVE,
            Permit.INTAKE,
            CLASSIFY,
            Permit.CONTROLLER,
            FORWARD,
            Permit.CONTROLLER,
            ANSWER,
            Permit.CONTROLLER,
            PUBLISH,
            Permit.CONTROLLER,
            REACT,
            Permit.CITIZEN));

    private static final List<Transition> TABLE = List.of(
            new Transition(null, RECEIVE, RECEIVED, null),
            new Transition(RECEIVED, CLASSIFY, REJECTED, null),
            new Transition(RECEIVED, CLASSIFY, PROCESSING, null),
            new Transition(PROCESSING, FORWARD, FORWARDED, FeedbackGuard.FORWARDABLE),
            new Transition(PROCESSING, ANSWER, ANSWERED, FeedbackGuard.ANSWERABLE_HERE),
            new Transition(ANSWERED, PUBLISH, PUBLISHED, null),
            new Transition(PUBLISHED, REACT, PUBLISHED, null));

    public static List<Transition> table() {
        return TABLE;
    }

    public static Permit permitOf(FeedbackEvent event) {
        return PERMITS.get(event);
    }

    /**
     * The role check alone, which needs no feedback: services run it before loading anything, so that a caller
     * who may never fire the event cannot probe which ids exist.
     */
    public Optional<Rejected> checkRole(FeedbackEvent event, FeedbackActor actor, FeedbackState from) {
        boolean citizenPath = switch (permitOf(event)) {
            case INTAKE -> !actor.isIntakeOfficer() && actor.isCitizen();
            case CONTROLLER -> false;
            case CITIZEN -> actor.isCitizen();
        };
        boolean officerPath = switch (permitOf(event)) {
            case INTAKE -> actor.isIntakeOfficer();
            case CONTROLLER -> actor.isController();
            case CITIZEN -> false;
        };
        if (!citizenPath && !officerPath) {
            return Optional.of(new Rejected(Kind.ROLE_NOT_ALLOWED, from, event, null));
        }
        if (citizenPath && !actor.hasCitizenId()) {
            return Optional.of(new Rejected(Kind.CITIZEN_ID_MISSING, from, event, null));
        }
        return Optional.empty();
    }

    /** Creation of a feedback filed with {@code unitCode} (whose existence the caller has checked). */
    public FeedbackDecision decideReceive(String unitCode, FeedbackActor actor) {
        Optional<Rejected> role = checkRole(RECEIVE, actor, null);
        if (role.isPresent()) {
            return role.get();
        }
        if (actor.isIntakeOfficer() && !actor.covers(unitCode)) {
            return new Rejected(Kind.OUT_OF_SCOPE, null, RECEIVE, null);
        }
        return new FeedbackDecision.Allowed(null, RECEIVE, RECEIVED);
    }

    /**
     * An event on an existing feedback.
     *
     * @param classification the requested class for CLASSIFY (it picks the target state); ignored otherwise
     */
    public FeedbackDecision decide(
            Feedback current, FeedbackEvent event, FeedbackClass classification, FeedbackActor actor) {
        Objects.requireNonNull(current, "current");
        if (event == RECEIVE) {
            throw new IllegalArgumentException("RECEIVE creates a feedback: use decideReceive");
        }
        if (event == CLASSIFY && classification == null) {
            throw new IllegalArgumentException("CLASSIFY needs the classification");
        }
        FeedbackState from = current.state();
        Optional<Rejected> role = checkRole(event, actor, from);
        if (role.isPresent()) {
            return role.get();
        }
        boolean inScope = switch (permitOf(event)) {
            case CONTROLLER -> actor.covers(current.unitCode());
            case CITIZEN -> from == PUBLISHED || actor.isSenderOf(current);
            case INTAKE -> throw new IllegalStateException("only RECEIVE is an intake event");
        };
        if (!inScope) {
            return new Rejected(Kind.OUT_OF_SCOPE, from, event, null);
        }
        List<Transition> rows = TABLE.stream()
                .filter(t -> t.from() == from && t.event() == event)
                .toList();
        FeedbackState wanted = event == CLASSIFY ? classification.stateAfterClassification() : null;
        Optional<Transition> row =
                rows.stream().filter(t -> wanted == null || t.to() == wanted).findFirst();
        if (row.isEmpty()) {
            return new Rejected(Kind.ILLEGAL_TRANSITION, from, event, null);
        }
        FeedbackGuard guard = row.get().guard();
        if (guard != null && !guard.holdsFor(current)) {
            return new Rejected(Kind.RULE_VIOLATED, from, event, guard.ruleWhenFailed());
        }
        return new FeedbackDecision.Allowed(from, event, row.get().to());
    }
}
