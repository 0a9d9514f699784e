package vn.motcua.payment.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.payment.domain.PaymentEvent;
import vn.motcua.payment.payment.service.PaymentFeed;
import vn.motcua.proto.FeedEventTypes;
import vn.motcua.proto.payment.v1.PaymentChanged;

/**
 * Producer side of the feed contract: the event types payment-service writes (the graph's announced edges, the
 * request's creation and refunds) are exactly those proto/ declares for PaymentChanged. (OutboxEntry also refuses an
 * undeclared pair at write time, so every IT that drives a change fails on one.)
 */
class FeedEventsAreDeclaredTest {

    @Test
    void everyPaymentEventTypeIsDeclaredAsPaymentChangedAndNothingElseIs() {
        Set<String> written = Arrays.stream(PaymentEvent.values())
                .map(PaymentEvent::feedEventType)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        written.add(PaymentFeed.REQUESTED);
        written.add(PaymentFeed.REFUNDED);

        Set<String> declared = FeedEventTypes.all().values().stream()
                .filter(d -> d.message()
                        .getFullName()
                        .equals(PaymentChanged.getDescriptor().getFullName()))
                .peek(d -> assertThat(d.aggregateType()).isEqualTo(PaymentFeed.AGGREGATE_TYPE))
                .map(FeedEventTypes.Declared::eventType)
                .collect(Collectors.toSet());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(written);
    }
}
