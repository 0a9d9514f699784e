package vn.motcua.dossier.dossier.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.dossier.dossier.domain.PaidPayment;
import vn.motcua.dossier.dossier.service.PaymentConfirmations;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.proto.payment.v1.PaymentChanged;

/**
 * Routes payment-service's events, decoding payloads with the generated classes only. Runs inside
 * FeedCursorStore.applyOnce, so what it writes commits together with the dedup record and the cursor.
 *
 * <p>Every event type proto/ declares for {@code PaymentChanged} has a decision here: {@link #APPLIED} types are
 * decoded and applied; {@link #IGNORED} ones are read past knowingly (the cursor still moves) because they change
 * nothing about a dossier. PaymentFeedContractTest fails while a declared payment type is in neither set. A type
 * this build does not know (a newer producer) is skipped the same way, with a log line.
 *
 * <p>An applied event whose payload is not a readable {@code PaymentChanged} with a payment id and a dossier code
 * throws: the transaction rolls back and the subscriber retries with backoff, stalling the feed visibly rather than
 * leaving a paid dossier waiting silently (the fix is on the producer side, after which the same events apply).
 */
@Singleton
public class PaymentFeedHandler implements FeedEventHandler {

    public static final String PAYMENT_PAID = "payment.paid";

    /** Event types decoded and applied. */
    static final Set<String> APPLIED = Set.of(PAYMENT_PAID);

    /** Declared payment event types that change nothing about a dossier. */
    static final Set<String> IGNORED = Set.of(
            // the request itself was made by this service, which recorded it then
            "payment.requested",
            // a failed online attempt may be started again; the dossier keeps waiting
            "payment.failed",
            // an officer waived or cancelled the request, or it lapsed: the obligation stays open until an officer
            // confirms it by hand, refuses the dossier or a new request is paid
            "payment.cancelled",
            "payment.expired",
            // money going back does not reopen an obligation that was met
            "payment.refunded");

    private static final Logger LOG = LoggerFactory.getLogger(PaymentFeedHandler.class);

    private final PaymentConfirmations confirmations;

    public PaymentFeedHandler(PaymentConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @Override
    public void apply(FeedEvent event) {
        if (PAYMENT_PAID.equals(event.eventType())) {
            confirmations.paid(paid(event));
        } else if (IGNORED.contains(event.eventType())) {
            LOG.trace("Ignoring {} event {} (seq {})", event.eventType(), event.eventId(), event.seq());
        } else {
            LOG.debug(
                    "Skipping {} event {} (seq {}): not a type this build knows",
                    event.eventType(),
                    event.eventId(),
                    event.seq());
        }
    }

    /**
     * @throws IllegalArgumentException when the payload is not a readable {@code PaymentChanged} naming the payment
     *                                  and its dossier
     */
    static PaidPayment paid(FeedEvent event) {
        PaymentChanged changed = unpack(event.payload());
        if (changed.getId().isBlank() || changed.getDossierCode().isBlank()) {
            throw new IllegalArgumentException(
                    PAYMENT_PAID + " event " + event.eventId() + " has no payment id or dossier code");
        }
        return new PaidPayment(
                event.eventId(),
                changed.getId(),
                changed.getDossierCode(),
                changed.getReceiptNumber(),
                channel(changed.getChannel()),
                changed.hasPaidAt() ? instant(changed.getPaidAt()) : null);
    }

    private static PaymentChanged unpack(Any payload) {
        if (!payload.is(PaymentChanged.class)) {
            throw new IllegalArgumentException("payload is " + payload.getTypeUrl() + ", expected PaymentChanged");
        }
        try {
            return payload.unpack(PaymentChanged.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("payload is not a readable PaymentChanged: " + e.getMessage(), e);
        }
    }

    private static PaidPayment.PaymentChannel channel(vn.motcua.proto.payment.v1.PaymentChannel channel) {
        return switch (channel) {
            case PAYMENT_CHANNEL_ONLINE -> PaidPayment.PaymentChannel.ONLINE;
            case PAYMENT_CHANNEL_COUNTER_CASH -> PaidPayment.PaymentChannel.COUNTER_CASH;
            case PAYMENT_CHANNEL_COUNTER_CARD -> PaidPayment.PaymentChannel.COUNTER_CARD;
            case PAYMENT_CHANNEL_POSTAL -> PaidPayment.PaymentChannel.POSTAL;
            case PAYMENT_CHANNEL_UNSPECIFIED, UNRECOGNIZED -> PaidPayment.PaymentChannel.UNKNOWN;
        };
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
