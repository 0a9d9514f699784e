package vn.motcua.dossier.calendar.service;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Work-calendar changes on the change feed (aggregate "calendar", id = the unit code of the entry's scope or
 * "national"). Types: calendar.day-added {date, kind, name, unitCode?}, calendar.day-removed {date, kind, name,
 * unitCode?}, calendar.sessions-replaced {unitCode, sessions[{weekday, start, end}]}. The event's unit_code is the
 * administrator's unit.
 */
@Singleton
public class CalendarEvents {

    static final String AGGREGATE_TYPE = "calendar";
    static final String NATIONAL = "national";

    private final OutboxWriter outbox;
    private final JsonMapper json;

    public CalendarEvents(OutboxWriter outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    void append(String type, String scopeUnit, String actorUnit, Instant now, Map<String, Object> payload) {
        try {
            outbox.append(new OutboxEntry(AGGREGATE_TYPE, scopeUnit == null ? NATIONAL : scopeUnit, type, actorUnit,
                    now, json.writeValueAsString(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
