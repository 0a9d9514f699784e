package vn.motcua.dossier.dossier.service;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.ResultKind;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes dossier events to the change feed (architecture.md §6) with the fields report building needs, and no
 * personal data: no applicant name, id, contact or free text. Every event carries the whole reporting picture of
 * the dossier after the change, so a consumer never has to join earlier events to classify it:
 * <pre>
 * code, event (the lifecycle event, e.g. ACCEPT; several share one event_type), receivingUnitCode, unitPath
 * (receiving unit's ancestry, root first), competentUnitCode, handlingUnitCode, boundaryFree, procedureCode,
 * procedureVersion, channel, fromState, toState (= state), dvcqgStatus, submittedAt, receivedAt, originalDueAt,
 * dueAt, finishedAt, pauses [{kind, from, to}], extensionUsed, resultKind (ISSUED | REFUSED | REJECTED |
 * WITHDRAWN | STOPPED, once ended), plus event-specific fields (returnChannel, deadlineState, ratings).
 * </pre>
 * Instants are ISO-8601 UTC strings; absent values are left out.
 */
@Singleton
public class DossierFeed {

    static final String AGGREGATE_TYPE = "dossier";

    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final UnitDirectory units;
    private final PauseRepository pauses;

    public DossierFeed(OutboxWriter outbox, JsonMapper json, UnitDirectory units, PauseRepository pauses) {
        this.outbox = outbox;
        this.json = json;
        this.units = units;
        this.pauses = pauses;
    }

    /**
     * Appends one event inside the caller's transaction; call it as the last statement (the feed counter stays
     * locked until commit).
     *
     * @param cause the lifecycle event name, null for events that are not transitions (sweep, rating)
     * @param from  the state before the change; null for a creation
     * @param extra event-specific fields, already free of personal data
     */
    public void append(String eventType, String cause, Dossier d, DossierState from, Instant submittedAt,
                       Instant now, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", d.code());
        put(payload, "event", cause);
        payload.put("receivingUnitCode", d.receivingUnitCode());
        payload.put("unitPath", units.tree().path(d.receivingUnitCode()));
        payload.put("competentUnitCode", d.competentUnitCode());
        payload.put("handlingUnitCode", d.handlingUnitCode());
        payload.put("boundaryFree", !d.receivingUnitCode().equals(d.competentUnitCode()));
        payload.put("procedureCode", d.procedureCode());
        payload.put("procedureVersion", d.procedureVersion());
        payload.put("channel", d.channel().name());
        put(payload, "fromState", from == null ? null : from.name());
        payload.put("toState", d.state().name());
        payload.put("state", d.state().name());
        payload.put("dvcqgStatus", d.state().dvcqgStatusCode());
        put(payload, "submittedAt", submittedAt);
        put(payload, "receivedAt", d.receivedAt());
        put(payload, "originalDueAt", d.originalDueAt());
        put(payload, "dueAt", d.dueAt());
        put(payload, "finishedAt", d.finishedAt());
        List<Map<String, Object>> stretches = new ArrayList<>();
        for (PauseRepository.StoredPause p : pauses.forDossier(d.code())) {
            Map<String, Object> stretch = new LinkedHashMap<>();
            stretch.put("kind", p.kind());
            stretch.put("from", p.startedAt().toString());
            put(stretch, "to", p.endedAt());
            stretches.add(stretch);
        }
        payload.put("pauses", stretches);
        payload.put("extensionUsed", d.extensionUsed());
        ResultKind result = ResultKind.of(d.state());
        put(payload, "resultKind", result == null ? null : result.name());
        payload.putAll(extra);
        try {
            outbox.append(new OutboxEntry(AGGREGATE_TYPE, d.code(), eventType, d.receivingUnitCode(), now,
                    json.writeValueAsString(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Map<String, Object> payload, String key, Object value) {
        if (value != null) {
            payload.put(key, value instanceof Instant i ? i.toString() : value);
        }
    }
}
