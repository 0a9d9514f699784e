package vn.motcua.platform.feed;

import java.time.Instant;

/** A change-feed event as stored in the outbox and delivered to consumers (plain Java, no proto types). */
public record FeedEvent(String eventId, long seq, String source, String aggregateType, String aggregateId,
                        String eventType, Instant occurredAt, String unitCode, String payloadJson) {
}
