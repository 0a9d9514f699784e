package vn.motcua.platform.feed;

import java.time.Instant;
import java.util.Objects;

/** What a business transaction records for the change feed; the writer assigns event id and seq. */
public record OutboxEntry(String aggregateType, String aggregateId, String eventType, String unitCode,
                          Instant occurredAt, String payloadJson) {

    public OutboxEntry {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
