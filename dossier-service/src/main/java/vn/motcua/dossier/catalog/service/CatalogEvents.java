package vn.motcua.dossier.catalog.service;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalogue events on the change feed (aggregate "procedure", id = the TTHC code), for report-service's Decision 766
 * group 1 indicators. Catalogue facts only: no person, no free text (a withdrawal's reason stays in the database).
 * <pre>
 * procedure.published  code, version, supersededVersion?, name, field, level, timeLimit{amount, unit}, onlineLevel,
 *                      postalAllowed, boundaryFreeAllowed, requiresPaperResult, componentCount, publicationDecision,
 *                      publishedOn, effectiveOn, receivingUnits[{unitCode, competentUnitCode}], state
 * procedure.withdrawn  code, version, publishedOn, effectiveOn, receivingUnits, state
 * </pre>
 * The event's unit_code is the controller's unit, an ancestor of every receiving unit.
 */
@Singleton
public class CatalogEvents {

    static final String AGGREGATE_TYPE = "procedure";
    static final String PUBLISHED = "procedure.published";
    static final String WITHDRAWN = "procedure.withdrawn";

    private final OutboxWriter outbox;
    private final JsonMapper json;

    public CatalogEvents(OutboxWriter outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** Call as the last statement of the publishing transaction. */
    void published(ProcedureVersion v, Integer supersededVersion, String actorUnit, Instant now) {
        Procedure p = v.procedure();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", p.code());
        payload.put("version", p.version());
        if (supersededVersion != null) {
            payload.put("supersededVersion", supersededVersion);
        }
        payload.put("name", p.name());
        payload.put("field", p.field());
        payload.put("level", p.level().name());
        payload.put("timeLimit", Map.of("amount", p.timeLimit().amount(), "unit", p.timeLimit().unit().name()));
        payload.put("onlineLevel", p.onlineLevel().name());
        payload.put("postalAllowed", p.postalAllowed());
        payload.put("boundaryFreeAllowed", p.boundaryFreeAllowed());
        payload.put("requiresPaperResult", v.requiresPaperResult());
        payload.put("componentCount", p.components().size());
        payload.put("publicationDecision", v.publicationDecision());
        common(payload, v);
        append(PUBLISHED, p.code(), actorUnit, now, payload);
    }

    /** Call as the last statement of the withdrawing transaction. */
    void withdrawn(ProcedureVersion v, String actorUnit, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", v.code());
        payload.put("version", v.version());
        common(payload, v);
        append(WITHDRAWN, v.code(), actorUnit, now, payload);
    }

    private static void common(Map<String, Object> payload, ProcedureVersion v) {
        if (v.publishedOn() != null) {
            payload.put("publishedOn", v.publishedOn().toString());
        }
        if (v.effectiveOn() != null) {
            payload.put("effectiveOn", v.effectiveOn().toString());
        }
        List<Map<String, String>> units = v.receivingUnits().stream()
                .map(u -> Map.of("unitCode", u.unitCode(), "competentUnitCode", u.competentUnitCode())).toList();
        payload.put("receivingUnits", units);
        payload.put("state", v.state().name());
    }

    private void append(String type, String code, String unit, Instant now, Map<String, Object> payload) {
        try {
            outbox.append(new OutboxEntry(AGGREGATE_TYPE, code, type, unit, now, json.writeValueAsString(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
