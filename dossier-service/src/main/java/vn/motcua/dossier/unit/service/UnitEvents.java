package vn.motcua.dossier.unit.service;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unit changes on the change feed (aggregate "unit", id = the unit code), so that consumers keep their unit
 * dimension (names, parents, validity, successors) without reading dossier-service's tables.
 * <pre>
 * unit.created  code, name, level, parentCode, agencyCode, validFrom
 * unit.renamed  code, name, previousName
 * unit.closed   code, validTo, successorCode?
 * unit.merged   code (the successor), sourceCodes, effectiveOn
 * </pre>
 * The event's unit_code is the administrator's unit, an ancestor of (or equal to) the changed unit.
 */
@Singleton
public class UnitEvents {

    static final String AGGREGATE_TYPE = "unit";

    private final OutboxWriter outbox;
    private final JsonMapper json;

    public UnitEvents(OutboxWriter outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    void created(AdminUnit u, String actorUnit, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", u.code());
        payload.put("name", u.name());
        payload.put("level", u.level().name());
        payload.put("parentCode", u.parentCode());
        payload.put("agencyCode", u.agencyCode());
        payload.put("validFrom", u.validFrom().toString());
        append("unit.created", u.code(), actorUnit, now, payload);
    }

    void renamed(AdminUnit before, String name, String actorUnit, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", before.code());
        payload.put("name", name);
        payload.put("previousName", before.name());
        append("unit.renamed", before.code(), actorUnit, now, payload);
    }

    void closed(String code, java.time.LocalDate validTo, String successor, String actorUnit, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code);
        payload.put("validTo", validTo.toString());
        if (successor != null) {
            payload.put("successorCode", successor);
        }
        append("unit.closed", code, actorUnit, now, payload);
    }

    void merged(AdminUnit successor, List<String> sources, String actorUnit, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", successor.code());
        payload.put("sourceCodes", sources);
        payload.put("effectiveOn", successor.validFrom().toString());
        append("unit.merged", successor.code(), actorUnit, now, payload);
    }

    private void append(String type, String code, String unit, Instant now, Map<String, Object> payload) {
        try {
            outbox.append(new OutboxEntry(AGGREGATE_TYPE, code, type, unit, now, json.writeValueAsString(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
