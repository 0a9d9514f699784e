package vn.motcua.dossier.feedback.service;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackEvent;
import vn.motcua.dossier.feedback.domain.FeedbackState;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes feedback events to the change feed (aggregate type {@code feedback}, event types {@code feedback.received},
 * {@code .classified}, {@code .forwarded}, {@code .answered}, {@code .published}, {@code .reacted}). Each carries the
 * whole reporting picture after the change, so report-service can compute the 766 PETITION_* indicators from the
 * latest event of each feedback alone:
 * <pre>
 * id, event, unitCode, unitPath (root first), intake, dossierCode (linked dossier, if any), fromState, state,
 * classification, aboutRegulation, receivedAt, classifiedAt, forwardedAt, answeredAt, publishedAt, stepDueAt,
 * classifiedInTime, forwardedInTime, answeredInTime, publishedInTime, handledInTime (once handled), likes, dislikes,
 * dissatisfied (more dislikes than likes), plus event-specific fields (reaction, previousReaction)
 * </pre>
 * No personal data: no sender name, address, contact or citizen id, no title, content, notes or answer text.
 * Instants are ISO-8601 UTC strings; absent values are left out.
 */
@Singleton
public class FeedbackFeed {

    static final String AGGREGATE_TYPE = "feedback";

    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final UnitDirectory units;

    public FeedbackFeed(OutboxWriter outbox, JsonMapper json, UnitDirectory units) {
        this.outbox = outbox;
        this.json = json;
        this.units = units;
    }

    /** Appends one event inside the caller's transaction, as its last statement. */
    public void append(FeedbackEvent event, FeedbackState from, Feedback f, Instant now, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", f.id());
        payload.put("event", event.name());
        payload.put("unitCode", f.unitCode());
        payload.put("unitPath", units.tree().path(f.unitCode()));
        payload.put("intake", f.intake().name());
        payload.put("dossierCode", f.dossierCode());
        payload.put("fromState", from);
        payload.put("state", f.state());
        payload.put("classification", f.classification());
        payload.put("aboutRegulation", f.classification() == null ? null : f.classification().aboutRegulation());
        payload.put("receivedAt", f.receivedAt());
        payload.put("classifiedAt", f.classifiedAt());
        payload.put("forwardedAt", f.forwardedAt());
        payload.put("answeredAt", f.answeredAt());
        payload.put("publishedAt", f.publishedAt());
        payload.put("stepDueAt", f.stepDueAt());
        payload.put("classifiedInTime", f.timeliness().classifiedInTime());
        payload.put("forwardedInTime", f.timeliness().forwardedInTime());
        payload.put("answeredInTime", f.timeliness().answeredInTime());
        payload.put("publishedInTime", f.timeliness().publishedInTime());
        payload.put("handledInTime", f.handledInTime());
        payload.put("likes", f.likes());
        payload.put("dislikes", f.dislikes());
        payload.put("dissatisfied", f.dislikes() > f.likes());
        payload.putAll(extra);
        // absent values are left out; enums by name, instants as ISO-8601 UTC
        payload.values().removeIf(Objects::isNull);
        payload.replaceAll((key, value) -> value instanceof Instant || value instanceof Enum<?> ? value.toString()
                : value);
        String json;
        try {
            json = this.json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outbox.append(new OutboxEntry(AGGREGATE_TYPE, f.id(), event.feedEventType(), f.unitCode(), now, json));
    }
}
