package vn.motcua.dossier.dossier.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.domain.PaidPayment;
import vn.motcua.dossier.dossier.domain.PaymentSettlement;
import vn.motcua.dossier.dossier.service.PaymentConfirmations;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.proto.feed.v1.FeedEventOptions;
import vn.motcua.proto.feed.v1.FeedEventOptionsProto;
import vn.motcua.proto.payment.v1.PaymentChanged;

/**
 * Consumer side of payment-service's feed contract (like report-service's DossierFeedContractTest): every event
 * type proto/ declares for {@code PaymentChanged} has exactly one decision in {@link PaymentFeedHandler}, applied or
 * knowingly ignored. A payment event type added to proto/ without that decision fails here; so does a decision for
 * a type no longer declared, and an applied type whose declared message this service cannot decode.
 */
class PaymentFeedContractTest {

    /**
     * The event types PaymentChanged's {@code (motcua.feed.v1.feed_event)} option declares, read from the message
     * itself: the shared registry (vn.motcua.proto.FeedEventTypes) does not list payment_events.proto yet. Where it
     * does, it must agree.
     */
    private static Set<String> declaredPaymentTypes() {
        FeedEventOptions options =
                PaymentChanged.getDescriptor().getOptions().getExtension(FeedEventOptionsProto.feedEvent);
        assertThat(options.getAggregateType()).isEqualTo("payment");
        Set<String> declared = Set.copyOf(options.getEventTypesList());
        FeedEventTypes.all().values().stream()
                .filter(d -> d.message()
                        .getFullName()
                        .equals(PaymentChanged.getDescriptor().getFullName()))
                .forEach(d -> assertThat(declared).contains(d.eventType()));
        return declared;
    }

    @Test
    void everyDeclaredPaymentEventTypeIsEitherAppliedOrKnowinglyIgnored() {
        Set<String> undecided = new HashSet<>(declaredPaymentTypes());
        undecided.removeAll(PaymentFeedHandler.APPLIED);
        undecided.removeAll(PaymentFeedHandler.IGNORED);
        assertThat(undecided)
                .as("declared payment event types without a decision in PaymentFeedHandler")
                .isEmpty();
        assertThat(PaymentFeedHandler.APPLIED)
                .as("applied and ignored at once")
                .doesNotContainAnyElementsOf(PaymentFeedHandler.IGNORED);
    }

    @Test
    void everyDecisionIsAboutADeclaredPaymentEventType() {
        assertThat(declaredPaymentTypes())
                .containsAll(PaymentFeedHandler.APPLIED)
                .containsAll(PaymentFeedHandler.IGNORED);
    }

    @Test
    void everyAppliedTypeDecodesItsDeclaredMessage() {
        List<PaidPayment> applied = new ArrayList<>();
        PaymentFeedHandler handler =
                new PaymentFeedHandler(new PaymentConfirmations(null, null, null, null, null, null, null, null) {
                    @Override
                    public PaymentSettlement.Outcome paid(PaidPayment paid) {
                        applied.add(paid);
                        return PaymentSettlement.Outcome.CONFIRMED;
                    }
                });
        for (String type : PaymentFeedHandler.APPLIED) {
            assertThat(declaredPaymentTypes()).as("declared as PaymentChanged").contains(type);
            handler.apply(new FeedEvent(
                    "e-" + type,
                    1,
                    "payment-service",
                    "payment",
                    "PAY-1",
                    type,
                    Instant.EPOCH,
                    "11077",
                    Any.pack(PaymentFeedHandlerRoutingTest.PAID)));
        }
        assertThat(applied).hasSize(PaymentFeedHandler.APPLIED.size());
    }
}
