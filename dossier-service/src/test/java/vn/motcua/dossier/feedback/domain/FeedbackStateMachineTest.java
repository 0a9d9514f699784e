package vn.motcua.dossier.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.COMMUNE;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.DISTRICT;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.OTHER_CITIZEN_ID;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.OTHER_COMMUNE;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.SENDER_ID;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.citizen;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.controllerOf;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.inState;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.officer;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.dossier.feedback.domain.FeedbackDecision.Allowed;
import vn.motcua.dossier.feedback.domain.FeedbackDecision.Kind;
import vn.motcua.dossier.feedback.domain.FeedbackDecision.Rejected;
import vn.motcua.platform.auth.Roles;

/** The feedback lifecycle table: every allowed edge, every forbidden one, roles, scope and guards. */
class FeedbackStateMachineTest {

    private final FeedbackStateMachine machine = new FeedbackStateMachine();

    /** The caller each event is meant for, acting on the commune's feedback. */
    private static FeedbackActor rightCaller(FeedbackEvent event) {
        return event == FeedbackEvent.REACT ? citizen(OTHER_CITIZEN_ID) : controllerOf(DISTRICT);
    }

    /** A feedback in {@code state} whose classification lets every edge out of that state pass its guard. */
    private static Feedback sample(FeedbackState state, FeedbackEvent event) {
        FeedbackClass as = event == FeedbackEvent.FORWARD
                ? FeedbackClass.REGULATION_OUT_OF_COMPETENCE
                : FeedbackClass.REGULATION_IN_COMPETENCE;
        return inState(state, as);
    }

    @Test
    void theTableHasExactlyTheDocumentedEdges() {
        assertThat(FeedbackStateMachine.table())
                .extracting(t -> (t.from() == null ? "NONE" : t.from().name()) + " -" + t.event() + "-> " + t.to())
                .containsExactlyInAnyOrder(
                        "NONE -RECEIVE-> RECEIVED",
                        "RECEIVED -CLASSIFY-> REJECTED",
                        "RECEIVED -CLASSIFY-> PROCESSING",
                        "PROCESSING -FORWARD-> FORWARDED",
                        "PROCESSING -ANSWER-> ANSWERED",
                        "ANSWERED -PUBLISH-> PUBLISHED",
                        "PUBLISHED -REACT-> PUBLISHED");
    }

    @Test
    void everyEdgeOnAnExistingFeedbackIsAllowedToItsCaller() {
        for (FeedbackStateMachine.Transition t : FeedbackStateMachine.table()) {
            if (t.from() == null) {
                continue;
            }
            FeedbackClass as = t.event() != FeedbackEvent.CLASSIFY
                    ? null
                    : t.to() == FeedbackState.REJECTED ? FeedbackClass.NOT_ACCEPTED : FeedbackClass.STAFF_BEHAVIOUR;
            FeedbackDecision d = machine.decide(sample(t.from(), t.event()), t.event(), as, rightCaller(t.event()));
            assertThat(d).as(t.toString()).isEqualTo(new Allowed(t.from(), t.event(), t.to()));
        }
    }

    @Test
    void everyOtherStateAndEventPairIsAnIllegalTransition() {
        int checked = 0;
        for (FeedbackState state : FeedbackState.values()) {
            for (FeedbackEvent event : EnumSet.complementOf(EnumSet.of(FeedbackEvent.RECEIVE))) {
                boolean inTable =
                        FeedbackStateMachine.table().stream().anyMatch(t -> t.from() == state && t.event() == event);
                if (inTable) {
                    continue;
                }
                FeedbackActor caller = event == FeedbackEvent.REACT ? citizen(SENDER_ID) : controllerOf(COMMUNE);
                FeedbackDecision d =
                        machine.decide(sample(state, event), event, FeedbackClass.REGULATION_IN_COMPETENCE, caller);
                assertThat(d)
                        .as(state + " " + event)
                        .isEqualTo(new Rejected(Kind.ILLEGAL_TRANSITION, state, event, null));
                checked++;
            }
        }
        // 6 states x 5 events, less the 5 (state, event) pairs of the table
        assertThat(checked).isEqualTo(25);
    }

    @Test
    void handledFeedbackAcceptsNoFurtherStepOnlyReactionsOnThePublishedAnswer() {
        for (FeedbackState state :
                EnumSet.of(FeedbackState.REJECTED, FeedbackState.FORWARDED, FeedbackState.PUBLISHED)) {
            assertThat(state.isFinal()).isTrue();
            assertThat(FeedbackStateMachine.table())
                    .filteredOn(t -> t.from() == state)
                    .allMatch(t -> t.event() == FeedbackEvent.REACT && t.to() == FeedbackState.PUBLISHED);
        }
    }

    @ParameterizedTest
    @EnumSource(FeedbackClass.class)
    void classificationPicksTheTargetState(FeedbackClass as) {
        FeedbackDecision d = machine.decide(
                inState(FeedbackState.RECEIVED, null), FeedbackEvent.CLASSIFY, as, controllerOf(COMMUNE));
        assertThat(((Allowed) d).to())
                .isEqualTo(as == FeedbackClass.NOT_ACCEPTED ? FeedbackState.REJECTED : FeedbackState.PROCESSING);
    }

    @ParameterizedTest
    @EnumSource(
            value = FeedbackClass.class,
            names = {"STAFF_BEHAVIOUR", "REGULATION_OUT_OF_COMPETENCE"})
    void feedbackForAnotherAgencyMustBeForwardedNotAnswered(FeedbackClass as) {
        Feedback processing = inState(FeedbackState.PROCESSING, as);
        assertThat(machine.decide(processing, FeedbackEvent.ANSWER, null, controllerOf(COMMUNE)))
                .isEqualTo(new Rejected(
                        Kind.RULE_VIOLATED, FeedbackState.PROCESSING, FeedbackEvent.ANSWER, "MUST_BE_FORWARDED"));
        assertThat(machine.decide(processing, FeedbackEvent.FORWARD, null, controllerOf(COMMUNE)))
                .isInstanceOf(Allowed.class);
    }

    @Test
    void aRegulationWithinCompetenceIsAnsweredNotForwarded() {
        Feedback processing = inState(FeedbackState.PROCESSING, FeedbackClass.REGULATION_IN_COMPETENCE);
        assertThat(machine.decide(processing, FeedbackEvent.FORWARD, null, controllerOf(COMMUNE)))
                .isEqualTo(new Rejected(
                        Kind.RULE_VIOLATED, FeedbackState.PROCESSING, FeedbackEvent.FORWARD, "WITHIN_COMPETENCE"));
    }

    @Test
    void controllerStepsAreRefusedToEveryOtherRoleWhateverTheState() {
        Set<FeedbackActor> wrong = Set.of(
                citizen(SENDER_ID),
                officer(Roles.RECEPTION_OFFICER, COMMUNE),
                officer(Roles.SPECIALIST, COMMUNE),
                officer(Roles.UNIT_LEADER, COMMUNE),
                officer(Roles.CLERK, COMMUNE),
                officer(Roles.UNIT_ADMIN, COMMUNE),
                officer(Roles.REPORT_VIEWER, COMMUNE));
        for (FeedbackEvent event : EnumSet.of(
                FeedbackEvent.CLASSIFY, FeedbackEvent.FORWARD, FeedbackEvent.ANSWER, FeedbackEvent.PUBLISH)) {
            for (FeedbackState state : FeedbackState.values()) {
                for (FeedbackActor actor : wrong) {
                    FeedbackDecision d =
                            machine.decide(sample(state, event), event, FeedbackClass.REGULATION_IN_COMPETENCE, actor);
                    assertThat(d)
                            .as(event + " " + state + " " + actor.roles())
                            .isEqualTo(new Rejected(Kind.ROLE_NOT_ALLOWED, state, event, null));
                }
            }
        }
    }

    @Test
    void onlyCitizensReactAndOnlyWithACitizenId() {
        Feedback published = inState(FeedbackState.PUBLISHED, null);
        assertThat(machine.decide(published, FeedbackEvent.REACT, null, controllerOf(COMMUNE)))
                .isEqualTo(new Rejected(Kind.ROLE_NOT_ALLOWED, FeedbackState.PUBLISHED, FeedbackEvent.REACT, null));
        assertThat(machine.decide(published, FeedbackEvent.REACT, null, citizen(null)))
                .isEqualTo(new Rejected(Kind.CITIZEN_ID_MISSING, FeedbackState.PUBLISHED, FeedbackEvent.REACT, null));
        assertThat(machine.decide(published, FeedbackEvent.REACT, null, citizen(SENDER_ID)))
                .isInstanceOf(Allowed.class);
    }

    @Test
    void anUnpublishedFeedbackIsNotFoundForOtherCitizensAndNotYetReactableForItsSender() {
        Feedback answered = inState(FeedbackState.ANSWERED, null);
        assertThat(machine.decide(answered, FeedbackEvent.REACT, null, citizen(OTHER_CITIZEN_ID)))
                .isEqualTo(new Rejected(Kind.OUT_OF_SCOPE, FeedbackState.ANSWERED, FeedbackEvent.REACT, null));
        assertThat(machine.decide(answered, FeedbackEvent.REACT, null, citizen(SENDER_ID)))
                .isEqualTo(new Rejected(Kind.ILLEGAL_TRANSITION, FeedbackState.ANSWERED, FeedbackEvent.REACT, null));
    }

    @Test
    void controllersActOnTheirOwnSubtreeOnly() {
        Feedback received = inState(FeedbackState.RECEIVED, null);
        assertThat(machine.decide(
                        received, FeedbackEvent.CLASSIFY, FeedbackClass.NOT_ACCEPTED, controllerOf(OTHER_COMMUNE)))
                .isEqualTo(new Rejected(Kind.OUT_OF_SCOPE, FeedbackState.RECEIVED, FeedbackEvent.CLASSIFY, null));
        // scope comes before state: a controller elsewhere learns nothing about the feedback's progress
        assertThat(machine.decide(
                        inState(FeedbackState.PUBLISHED, null),
                        FeedbackEvent.PUBLISH,
                        null,
                        controllerOf(OTHER_COMMUNE)))
                .isEqualTo(new Rejected(Kind.OUT_OF_SCOPE, FeedbackState.PUBLISHED, FeedbackEvent.PUBLISH, null));
        assertThat(machine.decide(received, FeedbackEvent.CLASSIFY, FeedbackClass.NOT_ACCEPTED, controllerOf(DISTRICT)))
                .isInstanceOf(Allowed.class);
    }

    @Test
    void citizensFileAnywhereAndIntakeOfficersForTheirSubtree() {
        assertThat(machine.decideReceive(OTHER_COMMUNE, citizen(SENDER_ID))).isInstanceOf(Allowed.class);
        assertThat(machine.decideReceive(COMMUNE, officer(Roles.RECEPTION_OFFICER, COMMUNE)))
                .isInstanceOf(Allowed.class);
        assertThat(machine.decideReceive(COMMUNE, controllerOf(DISTRICT))).isInstanceOf(Allowed.class);
        assertThat(machine.decideReceive(OTHER_COMMUNE, officer(Roles.RECEPTION_OFFICER, COMMUNE)))
                .isEqualTo(new Rejected(Kind.OUT_OF_SCOPE, null, FeedbackEvent.RECEIVE, null));
        assertThat(machine.decideReceive(COMMUNE, officer(Roles.SPECIALIST, COMMUNE)))
                .isEqualTo(new Rejected(Kind.ROLE_NOT_ALLOWED, null, FeedbackEvent.RECEIVE, null));
        assertThat(machine.decideReceive(COMMUNE, citizen(" ")))
                .isEqualTo(new Rejected(Kind.CITIZEN_ID_MISSING, null, FeedbackEvent.RECEIVE, null));
        assertThat(((Rejected) machine.decideReceive(COMMUNE, officer(Roles.CLERK, COMMUNE))).fromName())
                .isEqualTo("NONE");
    }

    @Test
    void theSenderAndTheUnitsControllersSeeEverythingOthersOnlyAPublishedAnswer() {
        Feedback answered = inState(FeedbackState.ANSWERED, null);
        Feedback published = inState(FeedbackState.PUBLISHED, null);
        assertThat(FeedbackAccess.viewFor(citizen(SENDER_ID), answered)).contains(FeedbackAccess.View.FULL);
        assertThat(FeedbackAccess.viewFor(controllerOf(DISTRICT), answered)).contains(FeedbackAccess.View.FULL);
        assertThat(FeedbackAccess.viewFor(citizen(OTHER_CITIZEN_ID), answered)).isEmpty();
        assertThat(FeedbackAccess.viewFor(controllerOf(OTHER_COMMUNE), answered))
                .isEmpty();
        assertThat(FeedbackAccess.viewFor(citizen(OTHER_CITIZEN_ID), published)).contains(FeedbackAccess.View.PUBLIC);
        assertThat(FeedbackAccess.viewFor(controllerOf(OTHER_COMMUNE), published))
                .contains(FeedbackAccess.View.PUBLIC);
        assertThat(FeedbackAccess.mayAskFor(officer(Roles.SPECIALIST, COMMUNE))).isFalse();
    }
}
