package vn.motcua.platform.feed;

import com.google.protobuf.Message;
import java.time.Instant;
import java.util.Objects;
import vn.motcua.proto.FeedEventTypes;

/**
 * What a business transaction records for the change feed; the writer assigns event id and seq. The payload must be
 * the message proto/ declares for the event type (option {@code motcua.feed.v1.feed_event}, read through
 * {@link FeedEventTypes}): anything else is refused here, so an undeclared event fails the producer's transaction
 * (and every test that drives it) instead of reaching a consumer that cannot decode it.
 */
public record OutboxEntry(
        String aggregateType,
        String aggregateId,
        String eventType,
        String unitCode,
        Instant occurredAt,
        Message payload) {

    public OutboxEntry {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        FeedEventTypes.require(aggregateType, eventType, payload);
    }

    /** Full name of the payload message, stored beside its bytes. */
    public String payloadType() {
        return payload.getDescriptorForType().getFullName();
    }
}
