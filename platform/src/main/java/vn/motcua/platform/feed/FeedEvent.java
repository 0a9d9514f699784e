package vn.motcua.platform.feed;

import com.google.protobuf.Any;
import java.time.Instant;

/**
 * A change-feed event as stored in the outbox and delivered to consumers. The payload is a
 * {@code google.protobuf.Any}: the declared message's type URL and bytes, which consumers unpack with the generated
 * class ({@code payload.is(X.class)}, {@code payload.unpack(X.class)}).
 */
public record FeedEvent(
        String eventId,
        long seq,
        String source,
        String aggregateType,
        String aggregateId,
        String eventType,
        Instant occurredAt,
        String unitCode,
        Any payload) {}
