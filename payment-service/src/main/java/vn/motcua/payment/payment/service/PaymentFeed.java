package vn.motcua.payment.payment.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Writes payment events to the change feed (aggregate {@code payment}; payment.requested, .paid, .failed,
 * .cancelled, .expired, .refunded) in the transaction of the change, payload {@code motcua.payment.v1.PaymentChanged}
 * (no personal data). The gRPC adapter's {@link Encoder} builds the generated message.
 */
@Singleton
public class PaymentFeed {

    public static final String AGGREGATE_TYPE = "payment";
    public static final String REFUNDED = "payment.refunded";
    public static final String REQUESTED = "payment.requested";

    private final OutboxWriter outbox;
    private final Encoder encoder;

    public PaymentFeed(OutboxWriter outbox, Encoder encoder) {
        this.outbox = outbox;
        this.encoder = encoder;
    }

    /** Builds the {@code PaymentChanged} message; implemented by the gRPC adapter. */
    public interface Encoder {
        /**
         * @param receiptNumber set once paid
         * @param refundAmount  payment.refunded: this refund's amount, else null
         */
        Message changed(Payment p, String receiptNumber, Long refundAmount);
    }

    /** Appends one event inside the caller's transaction. */
    public void append(String eventType, Payment p, String receiptNumber, Long refundAmount, Instant now) {
        outbox.append(new OutboxEntry(
                AGGREGATE_TYPE, p.id(), eventType, p.unitCode(), now, encoder.changed(p, receiptNumber, refundAmount)));
    }
}
