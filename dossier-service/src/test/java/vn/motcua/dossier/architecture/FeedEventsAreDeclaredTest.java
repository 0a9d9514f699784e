package vn.motcua.dossier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.feedback.domain.FeedbackEvent;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.feedback.v1.FeedbackChanged;

/**
 * Producer side of the feed contract: the event types the state machines emit are exactly the ones proto/ declares
 * for their payload message. (Every outbox row is also checked when it is written: {@code OutboxEntry} refuses an
 * undeclared pair, so each integration test that drives a producer fails on an undeclared event.)
 */
class FeedEventsAreDeclaredTest {

    /** Dossier events that are not transitions: the deadline sweep (DeadlineSweep) and ratings (RatingService). */
    private static final Set<String> DOSSIER_NON_TRANSITIONS =
            Set.of("dossier.near_due", "dossier.overdue", "dossier.rated");

    @Test
    void everyDossierEventTypeIsDeclaredAsDossierChangedAndNothingElseIs() {
        Set<String> emitted = Arrays.stream(DossierEvent.values())
                .map(DossierEvent::feedEventType)
                .collect(Collectors.toCollection(HashSet::new));
        emitted.addAll(DOSSIER_NON_TRANSITIONS);
        assertThat(declaredFor(DossierChanged.getDescriptor().getFullName(), "dossier"))
                .containsExactlyInAnyOrderElementsOf(emitted);
    }

    @Test
    void everyFeedbackEventTypeIsDeclaredAsFeedbackChangedAndNothingElseIs() {
        assertThat(declaredFor(FeedbackChanged.getDescriptor().getFullName(), "feedback"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(FeedbackEvent.values())
                        .map(FeedbackEvent::feedEventType)
                        .toList());
    }

    private static Set<String> declaredFor(String message, String aggregateType) {
        return FeedEventTypes.all().values().stream()
                .filter(d -> d.message().getFullName().equals(message))
                .peek(d -> assertThat(d.aggregateType()).isEqualTo(aggregateType))
                .map(FeedEventTypes.Declared::eventType)
                .collect(Collectors.toSet());
    }
}
