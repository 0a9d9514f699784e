package vn.motcua.dossier.calendar.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import vn.motcua.dossier.calendar.repository.CalendarRepository;
import vn.motcua.dossier.calendar.repository.SessionRepository;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Work-calendar changes on the change feed (aggregate "calendar", id = the unit code of the entry's scope or
 * "national"), with the payloads of proto/motcua/dossier/v1/calendar_events.proto: calendar.day-added
 * (CalendarDayAdded), calendar.day-removed (CalendarDayRemoved), calendar.sessions-replaced
 * (WeeklySessionsReplaced). The event's unit_code is the administrator's unit.
 */
@Singleton
public class CalendarEvents {

    static final String AGGREGATE_TYPE = "calendar";
    static final String NATIONAL = "national";

    private final OutboxWriter outbox;
    private final Encoder encoder;

    public CalendarEvents(OutboxWriter outbox, Encoder encoder) {
        this.outbox = outbox;
        this.encoder = encoder;
    }

    /** Builds the generated messages; implemented by the gRPC adapter. */
    public interface Encoder {
        Message dayAdded(CalendarRepository.Entry entry);

        Message dayRemoved(CalendarRepository.Entry entry);

        /** @param rows the unit's own sessions; none: it follows its parent again */
        Message sessionsReplaced(String unitCode, List<SessionRepository.Row> rows);
    }

    void dayAdded(CalendarRepository.Entry entry, String actorUnit, Instant now) {
        append("calendar.day-added", entry.unitCode(), actorUnit, now, encoder.dayAdded(entry));
    }

    void dayRemoved(CalendarRepository.Entry entry, String actorUnit, Instant now) {
        append("calendar.day-removed", entry.unitCode(), actorUnit, now, encoder.dayRemoved(entry));
    }

    void sessionsReplaced(String unitCode, List<SessionRepository.Row> rows, String actorUnit, Instant now) {
        append("calendar.sessions-replaced", unitCode, actorUnit, now, encoder.sessionsReplaced(unitCode, rows));
    }

    private void append(String type, String scopeUnit, String actorUnit, Instant now, Message payload) {
        outbox.append(new OutboxEntry(
                AGGREGATE_TYPE, scopeUnit == null ? NATIONAL : scopeUnit, type, actorUnit, now, payload));
    }
}
