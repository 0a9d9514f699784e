package vn.motcua.report.feed.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.report.projection.domain.ProjectionChange;
import vn.motcua.report.projection.service.ProjectionEngine;

/**
 * What the three feed handlers share: each decodes its producer's payloads with the generated classes into
 * {@link ProjectionChange}s, and a run of events goes to the projection as one unit of work (in the feed consumer's
 * transaction, together with the dedup records and the cursor: FeedCursorStore.applyBatch / applyOnce).
 * <p>
 * Every event type proto/ declares for the producer has a decision: {@link #projected()} types are decoded and
 * applied; {@link #ignored()} ones are read past knowingly (the cursor still moves). DossierFeedContractTest fails
 * while a declared type has no decision. A type this build does not know (a newer producer) is skipped with a log
 * line. A projected event whose payload is not the expected message, cannot be parsed or lacks what the projection
 * needs throws: the run rolls back and the subscriber retries, stalling the feed visibly (and, event by event, at
 * the bad one) rather than silently under-counting.
 */
abstract class ProjectingFeedHandler implements FeedEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectingFeedHandler.class);

    private final ProjectionEngine engine;

    ProjectingFeedHandler(ProjectionEngine engine) {
        this.engine = engine;
    }

    /** Event types decoded and applied. */
    abstract Set<String> projected();

    /** Declared event types no projection uses. */
    abstract Set<String> ignored();

    /** The change an event of a projected type means. */
    abstract ProjectionChange decode(FeedEvent event);

    @Override
    public void apply(FeedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<FeedEvent> events) {
        List<ProjectionChange> changes = new ArrayList<>(events.size());
        for (FeedEvent event : events) {
            if (projected().contains(event.eventType())) {
                try {
                    changes.add(decode(event));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            event.eventType() + " event " + event.eventId() + " (seq " + event.seq() + "): "
                                    + e.getMessage(),
                            e);
                }
            } else if (ignored().contains(event.eventType())) {
                LOG.trace("Ignoring {} event {} (seq {})", event.eventType(), event.eventId(), event.seq());
            } else {
                LOG.debug(
                        "Skipping {} event {} (seq {}): not a type this build knows",
                        event.eventType(),
                        event.eventId(),
                        event.seq());
            }
        }
        long started = System.nanoTime();
        engine.apply(changes);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "Applied a run of {} events ({} projected) in {} ms",
                    events.size(),
                    changes.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    static <T extends Message> T unpack(Any payload, Class<T> type) {
        if (!payload.is(type)) {
            throw new IllegalArgumentException(
                    "payload is " + payload.getTypeUrl() + ", expected " + type.getSimpleName());
        }
        try {
            return payload.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "payload is not a readable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** null for an unset timestamp. */
    static Instant instant(boolean present, Timestamp t) {
        return present ? Instant.ofEpochSecond(t.getSeconds(), t.getNanos()) : null;
    }

    /** An enum constant's name without its type prefix; null for the UNSPECIFIED value. */
    static String name(Enum<?> value, String prefix) {
        String n = value.name();
        if (n.endsWith("_UNSPECIFIED") || "UNRECOGNIZED".equals(n)) {
            return null;
        }
        return n.startsWith(prefix) ? n.substring(prefix.length()) : n;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static LocalDate date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + iso + "' is not an ISO date", e);
        }
    }
}
