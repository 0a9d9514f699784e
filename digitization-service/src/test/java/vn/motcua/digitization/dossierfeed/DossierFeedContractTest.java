package vn.motcua.digitization.dossierfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.digitization.dossierlink.service.DossierLinks;
import vn.motcua.digitization.result.service.ResultCommands;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * Consumer side of dossier-service's feed contract (like report-service's DossierFeedContractTest): every event
 * type proto/ declares for dossier-service's aggregates has exactly one decision in {@link DossierFeedHandler},
 * applied or knowingly ignored; a decision for an undeclared type fails, and so does an applied type whose declared
 * message this service cannot decode.
 */
class DossierFeedContractTest {

    /** Aggregates other producers write, on feeds this consumer does not follow. */
    private static final Set<String> OTHER_PRODUCERS =
            Set.of("payment", "dossier_digitization", "certified_copy", "directive", "task", "campaign_report");

    @Test
    void everyDeclaredDossierServiceEventTypeIsEitherAppliedOrKnowinglyIgnored() {
        Set<String> undecided = new HashSet<>();
        FeedEventTypes.all().values().stream()
                .filter(d -> !OTHER_PRODUCERS.contains(d.aggregateType()))
                .filter(d -> !DossierFeedHandler.IGNORED_AGGREGATES.contains(d.aggregateType()))
                .forEach(d -> undecided.add(d.eventType()));
        undecided.removeAll(DossierFeedHandler.APPLIED);
        undecided.removeAll(DossierFeedHandler.IGNORED);
        assertThat(undecided)
                .as("declared event types without a decision in DossierFeedHandler")
                .isEmpty();
        assertThat(DossierFeedHandler.APPLIED).doesNotContainAnyElementsOf(DossierFeedHandler.IGNORED);
    }

    @Test
    void everyDecisionIsAboutADeclaredEventTypeOrAggregate() {
        assertThat(FeedEventTypes.all().keySet())
                .containsAll(DossierFeedHandler.APPLIED)
                .containsAll(DossierFeedHandler.IGNORED);
        Set<String> aggregates = new HashSet<>();
        FeedEventTypes.all().values().forEach(d -> aggregates.add(d.aggregateType()));
        assertThat(aggregates).containsAll(DossierFeedHandler.IGNORED_AGGREGATES);
    }

    @Test
    void everyAppliedTypeDecodesItsDeclaredMessage() {
        Set<String> applied = new HashSet<>();
        DossierFeedHandler handler = new DossierFeedHandler(
                new DossierLinks(null, null) {
                    @Override
                    public boolean refresh(
                            String key,
                            String code,
                            vn.motcua.digitization.dossierlink.domain.DossierStatus status,
                            Instant at) {
                        assertThat(status)
                                .isEqualTo(vn.motcua.digitization.dossierlink.domain.DossierStatus.RESULT_READY);
                        return true;
                    }
                },
                new ResultCommands(null, null, null, null, null, null, null, null, null) {
                    @Override
                    public Optional<WarehouseItem> resultIssued(String dossierKey, Instant at) {
                        applied.add(dossierKey);
                        return Optional.empty();
                    }
                });
        DossierChanged sample = DossierChanged.newBuilder()
                .setCode("H30.298.11077-260501-0001")
                .setState(DossierStatus.DOSSIER_STATUS_RESULT_READY)
                .build();
        for (String type : DossierFeedHandler.APPLIED) {
            assertThat(FeedEventTypes.find(type).orElseThrow().message()).isEqualTo(sample.getDescriptorForType());
            handler.apply(new FeedEvent(
                    "e-" + type,
                    1,
                    "dossier-service",
                    "dossier",
                    "key-" + type,
                    type,
                    Instant.EPOCH,
                    "11077",
                    Any.pack(sample)));
        }
        assertThat(applied).hasSize(DossierFeedHandler.APPLIED.size());
    }

    @Test
    void appliedEventWithoutADossierPayloadStallsTheFeedInsteadOfBeingLost() {
        DossierFeedHandler handler = new DossierFeedHandler(null, null);
        assertThatThrownBy(() -> handler.apply(new FeedEvent(
                        "e",
                        1,
                        "dossier-service",
                        "dossier",
                        "K",
                        DossierFeedHandler.RESULT_ISSUED,
                        Instant.EPOCH,
                        "11077",
                        Any.pack(com.google.protobuf.Empty.getDefaultInstance()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
