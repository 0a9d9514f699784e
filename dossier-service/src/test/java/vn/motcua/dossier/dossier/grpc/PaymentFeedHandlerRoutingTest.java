package vn.motcua.dossier.dossier.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.domain.PaidPayment;
import vn.motcua.dossier.dossier.domain.PaymentSettlement;
import vn.motcua.dossier.dossier.service.PaymentConfirmations;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.payment.v1.PaymentChanged;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentState;
import vn.motcua.proto.payment.v1.PaymentStatus;

class PaymentFeedHandlerRoutingTest {

    /** A payment.paid payload as payment-service writes it for an online payment. */
    static final PaymentChanged PAID = PaymentChanged.newBuilder()
            .setId("PAY-ABCDEFGHIJKLMNOPQRST")
            .setDossierCode("H30.298.11077-260309-0001")
            .setUnitCode("11077")
            .setProcedureCode("2.000815")
            .setStatus(PaymentStatus.PAYMENT_STATUS_PAID)
            .setState(PaymentState.PAYMENT_STATE_SUCCESS)
            .setChannel(PaymentChannel.PAYMENT_CHANNEL_ONLINE)
            .setAmount(Money.newBuilder().setAmount(2000).setCurrencyCode("VND"))
            .setPaidAt(Timestamp.newBuilder().setSeconds(1_773_021_600L))
            .setReceiptNumber("11077/2026/000123")
            .build();

    private final List<PaidPayment> paid = new ArrayList<>();
    private final PaymentFeedHandler handler =
            new PaymentFeedHandler(new PaymentConfirmations(null, null, null, null, null, null, null, null) {
                @Override
                public PaymentSettlement.Outcome paid(PaidPayment payment) {
                    paid.add(payment);
                    return PaymentSettlement.Outcome.CONFIRMED;
                }
            });

    private static FeedEvent event(String type, Any payload) {
        return new FeedEvent(
                "e-" + type,
                7,
                "payment-service",
                "payment",
                "PAY-ABCDEFGHIJKLMNOPQRST",
                type,
                Instant.parse("2026-03-09T02:00:00Z"),
                "11077",
                payload);
    }

    @Test
    void paidEventIsDecodedWithTheGeneratedClassAndGoesToTheConfirmation() {
        handler.apply(event("payment.paid", Any.pack(PAID)));

        assertThat(paid)
                .containsExactly(new PaidPayment(
                        "e-payment.paid",
                        "PAY-ABCDEFGHIJKLMNOPQRST",
                        "H30.298.11077-260309-0001",
                        "11077/2026/000123",
                        PaidPayment.PaymentChannel.ONLINE,
                        Instant.ofEpochSecond(1_773_021_600L)));
    }

    @Test
    void counterChannelsKeepTheirMeaningAndAnUnknownOneStillPays() {
        handler.apply(event(
                "payment.paid",
                Any.pack(PAID.toBuilder()
                        .setChannel(PaymentChannel.PAYMENT_CHANNEL_COUNTER_CASH)
                        .build())));
        handler.apply(event(
                "payment.paid",
                Any.pack(PAID.toBuilder().setChannelValue(99).clearPaidAt().build())));
        assertThat(paid)
                .extracting(PaidPayment::channel)
                .containsExactly(PaidPayment.PaymentChannel.COUNTER_CASH, PaidPayment.PaymentChannel.UNKNOWN);
        assertThat(paid.get(1).paidAt()).isNull();
    }

    @Test
    void otherPaymentEventTypesAreIgnoredWithoutReadingThePayload() {
        Any garbage = Any.newBuilder()
                .setTypeUrl("type.googleapis.com/motcua.payment.v1.PaymentChanged")
                .setValue(ByteString.copyFromUtf8("not a message"))
                .build();
        for (String type : PaymentFeedHandler.IGNORED) {
            handler.apply(event(type, garbage));
        }
        handler.apply(event("payment.disputed", Any.getDefaultInstance()));
        assertThat(paid).isEmpty();
    }

    @Test
    void paidEventWithoutPaymentOrDossierOrWithAnotherPayloadIsRejectedLoudly() {
        assertThatThrownBy(() -> handler.apply(event(
                        "payment.paid",
                        Any.pack(PAID.toBuilder().clearDossierCode().build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dossier code");
        assertThatThrownBy(() -> handler.apply(event(
                        "payment.paid", Any.pack(PAID.toBuilder().clearId().build()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handler.apply(event(
                        "payment.paid",
                        Any.pack(DossierChanged.newBuilder().setCode("X").build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DossierChanged");
        Any unreadable = Any.newBuilder()
                .setTypeUrl("type.googleapis.com/motcua.payment.v1.PaymentChanged")
                .setValue(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}))
                .build();
        assertThatThrownBy(() -> handler.apply(event("payment.paid", unreadable)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable");
        assertThat(paid).isEmpty();
    }
}
