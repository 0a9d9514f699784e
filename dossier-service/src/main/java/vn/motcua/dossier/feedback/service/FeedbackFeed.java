package vn.motcua.dossier.feedback.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackEvent;
import vn.motcua.dossier.feedback.domain.FeedbackState;
import vn.motcua.dossier.feedback.domain.Reaction;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Writes feedback events to the change feed (aggregate type {@code feedback}, event types {@code feedback.received},
 * {@code .classified}, {@code .forwarded}, {@code .answered}, {@code .published}, {@code .reacted}). Each carries the
 * whole reporting picture after the change, so report-service can compute the 766 PETITION_* indicators from the
 * latest event of each feedback alone: the payload is {@code motcua.feedback.v1.FeedbackChanged}
 * (proto/motcua/feedback/v1/feedback_events.proto documents every field).
 * No personal data: no sender name, address, contact or citizen id, no title, content, notes or answer text.
 * The gRPC adapter's {@link Encoder} builds the generated message.
 */
@Singleton
public class FeedbackFeed {

    static final String AGGREGATE_TYPE = "feedback";

    private final OutboxWriter outbox;
    private final Encoder encoder;
    private final UnitDirectory units;

    public FeedbackFeed(OutboxWriter outbox, Encoder encoder, UnitDirectory units) {
        this.outbox = outbox;
        this.encoder = encoder;
        this.units = units;
    }

    /** Builds the {@code FeedbackChanged} message; implemented by the gRPC adapter. */
    public interface Encoder {
        /**
         * @param unitPath the unit's ancestry, root first
         * @param reaction feedback.reacted: the reaction given, else null
         * @param previous feedback.reacted: the reaction it replaced, null for a first one
         */
        Message changed(
                FeedbackEvent event,
                FeedbackState from,
                Feedback f,
                List<String> unitPath,
                Reaction reaction,
                Reaction previous);
    }

    /** Appends one event inside the caller's transaction, as its last statement. */
    public void append(FeedbackEvent event, FeedbackState from, Feedback f, Instant now) {
        append(event, from, f, now, null, null);
    }

    /** Appends a citizen's reaction ({@code feedback.reacted}); {@code previous} is null for a first reaction. */
    public void appendReaction(FeedbackState from, Feedback f, Instant now, Reaction reaction, Reaction previous) {
        append(FeedbackEvent.REACT, from, f, now, reaction, previous);
    }

    private void append(
            FeedbackEvent event, FeedbackState from, Feedback f, Instant now, Reaction reaction, Reaction previous) {
        Message payload = encoder.changed(event, from, f, units.tree().path(f.unitCode()), reaction, previous);
        outbox.append(new OutboxEntry(AGGREGATE_TYPE, f.id(), event.feedEventType(), f.unitCode(), now, payload));
    }
}
