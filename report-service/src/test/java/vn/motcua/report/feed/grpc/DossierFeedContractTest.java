package vn.motcua.report.feed.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.digitization.v1.CertifiedCopyChanged;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayAdded;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.CalendarDayRemoved;
import vn.motcua.proto.dossier.v1.ProcedurePublished;
import vn.motcua.proto.dossier.v1.ProcedureWithdrawn;
import vn.motcua.proto.dossier.v1.UnitClosed;
import vn.motcua.proto.dossier.v1.UnitCreated;
import vn.motcua.proto.dossier.v1.UnitRenamed;
import vn.motcua.proto.dossier.v1.UnitsMerged;
import vn.motcua.proto.feedback.v1.FeedbackChanged;
import vn.motcua.proto.payment.v1.PaymentChanged;
import vn.motcua.proto.payment.v1.PaymentStatus;

/**
 * Consumer side of the feed contract (producer side: OutboxEntry and each producer's FeedEventsAreDeclaredTest). Every
 * event type proto/ declares has exactly one decision in the handler of the feed that carries it (dossier-service's,
 * payment-service's or digitization-service's): projected or knowingly ignored. A message or event type added to
 * proto/ without that decision fails here; so does a decision for a type no longer declared, and a projected type
 * whose declared message this service cannot decode.
 */
class DossierFeedContractTest {

    private static final RecordingEngine ENGINE = new RecordingEngine();

    /** Each feed's handler, by the aggregate types its producer writes. */
    private static final Map<ProjectingFeedHandler, Set<String>> HANDLERS = Map.of(
            new DossierFeedHandler(ENGINE), Set.of("dossier", "unit", "procedure", "feedback", "calendar"),
            new PaymentFeedHandler(ENGINE), Set.of("payment"),
            new DigitizationFeedHandler(ENGINE), Set.of("dossier_digitization", "certified_copy"));

    /**
     * Aggregates report-service writes to its own feed (task_events.proto, issue 14): it produces them, consumes none
     * of them (their producer side is task/TaskFeedEventsAreDeclaredTest).
     */
    private static final Set<String> PRODUCED_HERE = Set.of("directive", "task", "campaign_report");

    private static final Timestamp AT =
            Timestamp.newBuilder().setSeconds(1_790_000_000L).build();

    /** A valid payload per declared message, as its producer writes it. */
    private static final List<Message> SAMPLES = List.of(
            DossierFeedHandlerRoutingTest.RECEIVED,
            FeedbackChanged.newBuilder()
                    .setId("F1")
                    .setUnitCode("11077")
                    .setReceivedAt(AT)
                    .build(),
            UnitCreated.newBuilder().setCode("11077").setName("Ngọc Sơn").build(),
            CalendarDayAdded.newBuilder()
                    .setDay(CalendarDay.newBuilder()
                            .setDate("2026-09-02")
                            .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                            .setName("Quốc khánh"))
                    .build(),
            CalendarDayRemoved.newBuilder()
                    .setDay(CalendarDay.newBuilder()
                            .setDate("2026-09-02")
                            .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                            .setUnitCode("30"))
                    .build(),
            UnitRenamed.newBuilder().setCode("11077").setName("Ngọc Sơn mới").build(),
            UnitClosed.newBuilder().setCode("11077").setValidTo("2026-06-30").build(),
            UnitsMerged.newBuilder()
                    .setCode("11077")
                    .addSourceCodes("11080")
                    .setEffectiveOn("2026-07-01")
                    .build(),
            ProcedurePublished.newBuilder()
                    .setCode("1.001193")
                    .setVersion(1)
                    .setField("Hộ tịch")
                    .build(),
            ProcedureWithdrawn.newBuilder().setCode("1.001193").setVersion(1).build(),
            PaymentChanged.newBuilder()
                    .setId("P1")
                    .setDossierCode("D1")
                    .setStatus(PaymentStatus.PAYMENT_STATUS_AWAITING)
                    .setAmount(Money.newBuilder().setAmount(50_000))
                    .build(),
            DigitizationChanged.newBuilder().setDossierCode("D1").build(),
            CertifiedCopyChanged.newBuilder()
                    .setCertificateNumber("C1")
                    .setUnitCode("11077")
                    .setCertifiedAt(AT)
                    .build());

    private static ProjectingFeedHandler handlerOf(String aggregateType) {
        return HANDLERS.entrySet().stream()
                .filter(e -> e.getValue().contains(aggregateType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no feed handler for aggregate type " + aggregateType));
    }

    @Test
    void everyDeclaredEventTypeIsEitherProjectedOrKnowinglyIgnoredByItsFeedsHandler() {
        Set<String> undecided = new HashSet<>();
        FeedEventTypes.all().values().stream()
                .filter(d -> !PRODUCED_HERE.contains(d.aggregateType()))
                .forEach(d -> {
                    ProjectingFeedHandler handler = handlerOf(d.aggregateType());
                    if (!handler.projected().contains(d.eventType())
                            && !handler.ignored().contains(d.eventType())) {
                        undecided.add(d.eventType());
                    }
                });
        assertThat(undecided).as("declared event types without a decision").isEmpty();
        HANDLERS.keySet()
                .forEach(h -> assertThat(h.projected().stream().filter(h.ignored()::contains))
                        .as("projected and ignored at once")
                        .isEmpty());
    }

    @Test
    void everyDecisionIsAboutADeclaredEventTypeOfThatFeed() {
        HANDLERS.forEach((handler, aggregates) -> {
            Set<String> decided = new HashSet<>(handler.projected());
            decided.addAll(handler.ignored());
            Set<String> declaredHere = FeedEventTypes.all().values().stream()
                    .filter(d -> aggregates.contains(d.aggregateType()))
                    .map(FeedEventTypes.Declared::eventType)
                    .collect(Collectors.toSet());
            assertThat(decided).isSubsetOf(declaredHere);
        });
    }

    @Test
    void everyProjectedTypeDecodesItsDeclaredMessage() {
        Map<String, Message> byMessage = SAMPLES.stream()
                .collect(Collectors.toMap(m -> m.getDescriptorForType().getFullName(), m -> m));
        Set<String> decoded = new HashSet<>();
        FeedEventTypes.all().values().stream()
                .filter(d -> !PRODUCED_HERE.contains(d.aggregateType()))
                .forEach(d -> {
                    ProjectingFeedHandler handler = handlerOf(d.aggregateType());
                    if (!handler.projected().contains(d.eventType())) {
                        return;
                    }
                    Message sample = byMessage.get(d.message().getFullName());
                    assertThat(sample)
                            .as("a sample " + d.message().getFullName())
                            .isNotNull();
                    int before = ENGINE.applied.size();
                    handler.apply(new FeedEvent(
                            "e-" + d.eventType(),
                            1,
                            "producer",
                            d.aggregateType(),
                            "X",
                            d.eventType(),
                            Instant.EPOCH,
                            null,
                            Any.pack(sample)));
                    assertThat(ENGINE.applied).as(d.eventType()).hasSize(before + 1);
                    decoded.add(d.eventType());
                });
        Set<String> projected = new HashSet<>();
        HANDLERS.keySet().forEach(h -> projected.addAll(h.projected()));
        assertThat(decoded).containsExactlyInAnyOrderElementsOf(projected);
    }
}
