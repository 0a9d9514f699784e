package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.testing.FeedPayloads;
import vn.motcua.proto.feed.v1.ChangeEvent;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;
import vn.motcua.proto.payment.v1.Payment;
import vn.motcua.proto.payment.v1.PaymentChanged;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentStatus;

/**
 * payment-service's change feed as report-service and dossier-service read it: payment.requested and payment.paid
 * with PaymentChanged payloads (unit, procedure, dossier, channel, amount, receipt), numbered by the relay and served
 * by ChangeFeed/Subscribe; no personal data in them.
 */
@MicronautTest(transactional = false)
class PaymentFeedIT extends PaymentItSupport {

    @Override
    public Map<String, String> getProperties() {
        idp.serviceAccount("motcua-report-service", Set.of());
        idp.serviceAccount("motcua-dossier-service", Set.of());
        return super.getProperties();
    }

    @Test
    void subscribersReadTheRequestAndThePaymentWithoutPersonalData() throws Exception {
        Payment created = create("D-FEED");
        start(created.getId());
        callback(notification(created.getId() + "-1", 45_000, "00", "T-FEED"));

        List<ChangeEvent> events = new ArrayList<>();
        Context.CancellableContext subscription = Context.current().withCancellation();
        try {
            subscription.run(() -> {
                Iterator<SubscribeResponse> stream = ChangeFeedGrpc.newBlockingStub(channel)
                        .withInterceptors(new ForwardingClientInterceptor(
                                () -> idp.serviceAccountToken("motcua-dossier-service")))
                        .withDeadlineAfter(30, TimeUnit.SECONDS)
                        .subscribe(SubscribeRequest.newBuilder().setAfterSeq(0).build());
                while (events.size() < 2 && stream.hasNext()) {
                    SubscribeResponse r = stream.next();
                    if (r.hasEvent()) {
                        events.add(r.getEvent());
                    }
                }
            });
        } finally {
            subscription.cancel(null);
        }
        assertThat(events).extracting(ChangeEvent::getEventType).containsExactly("payment.requested", "payment.paid");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getAggregateType()).isEqualTo("payment");
            assertThat(e.getAggregateId()).isEqualTo(created.getId());
            assertThat(e.getUnitCode()).isEqualTo(UNIT);
        });
        PaymentChanged paid = events.get(1).getPayload().unpack(PaymentChanged.class);
        assertThat(paid.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(paid.getChannel()).isEqualTo(PaymentChannel.PAYMENT_CHANNEL_ONLINE);
        assertThat(paid.getAmount().getAmount()).isEqualTo(45_000);
        assertThat(paid.getDossierCode()).isEqualTo("D-FEED");
        assertThat(paid.getProcedureCode()).isEqualTo("1.001234");
        assertThat(paid.getReceiptNumber()).startsWith(UNIT + "/");
        assertThat(paid.hasPaidAt()).isTrue();

        for (String json : strings("SELECT CONCAT(payload_type, '|', HEX(payload)) FROM feed_outbox")) {
            String[] parts = json.split("\\|");
            String text = FeedPayloads.json(parts[0], java.util.HexFormat.of().parseHex(parts[1]));
            assertThat(text).doesNotContain("Nguyễn").doesNotContain(CITIZEN_ID);
        }
    }
}
