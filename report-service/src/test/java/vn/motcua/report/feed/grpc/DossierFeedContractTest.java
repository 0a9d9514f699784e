package vn.motcua.report.feed.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.service.ReceptionProjection;

/**
 * Consumer side of the feed contract (producer side: OutboxEntry and dossier-service's FeedEventsAreDeclaredTest).
 * Every event type proto/ declares has exactly one decision in {@link DossierFeedHandler}: projected or knowingly
 * ignored. A message or event type added to proto/ without that decision fails here; so does a decision for a type
 * no longer declared, and a projected type whose declared message this service cannot decode.
 */
class DossierFeedContractTest {

    /** A valid payload per projected event type, as the producer writes it. */
    private static final Map<String, Message> SAMPLES =
            Map.of(DossierFeedHandler.DOSSIER_RECEIVED, DossierFeedHandlerRoutingTest.RECEIVED);

    /**
     * Aggregates written by other producers' feeds, which DossierFeedHandler never receives: payment-service's and
     * digitization-service's events come on their own ChangeFeeds, which report-service does not follow yet (issue
     * 13).
     */
    private static final Set<String> OTHER_PRODUCERS = Set.of("payment", "dossier_digitization", "certified_copy");

    @Test
    void everyDeclaredEventTypeIsEitherProjectedOrKnowinglyIgnored() {
        Set<String> undecided = new HashSet<>();
        FeedEventTypes.all().values().stream()
                .filter(d -> !OTHER_PRODUCERS.contains(d.aggregateType()))
                .forEach(d -> undecided.add(d.eventType()));
        undecided.removeAll(DossierFeedHandler.PROJECTED);
        undecided.removeAll(DossierFeedHandler.IGNORED);
        assertThat(undecided)
                .as("declared event types without a decision in DossierFeedHandler")
                .isEmpty();
        assertThat(DossierFeedHandler.PROJECTED)
                .as("projected and ignored at once")
                .doesNotContainAnyElementsOf(DossierFeedHandler.IGNORED);
    }

    @Test
    void everyDecisionIsAboutADeclaredEventType() {
        assertThat(FeedEventTypes.all().keySet())
                .containsAll(DossierFeedHandler.PROJECTED)
                .containsAll(DossierFeedHandler.IGNORED);
    }

    @Test
    void everyProjectedTypeDecodesItsDeclaredMessage() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(DossierFeedHandler.PROJECTED);
        Set<String> applied = new HashSet<>();
        DossierFeedHandler handler = new DossierFeedHandler(new ReceptionProjection(null) {
            @Override
            public void record(DossierReceived reception) {
                applied.add(DossierFeedHandler.DOSSIER_RECEIVED);
            }
        });
        SAMPLES.forEach((type, sample) -> {
            assertThat(sample.getDescriptorForType())
                    .as("declared message of " + type)
                    .isEqualTo(FeedEventTypes.find(type).orElseThrow().message());
            handler.apply(new FeedEvent(
                    "e-" + type, 1, "dossier-service", "dossier", "X", type, Instant.EPOCH, null, Any.pack(sample)));
        });
        assertThat(applied).containsExactlyInAnyOrderElementsOf(DossierFeedHandler.PROJECTED);
    }
}
