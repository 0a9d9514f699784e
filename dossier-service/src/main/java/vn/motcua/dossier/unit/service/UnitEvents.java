package vn.motcua.dossier.unit.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.common.FeedAnnouncements;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Unit changes on the change feed (aggregate "unit", id = the unit code), so that consumers keep their unit
 * dimension (names, parents, validity, successors) without reading dossier-service's tables. Payloads are the
 * messages of proto/motcua/dossier/v1/unit_events.proto:
 * <pre>
 * unit.created  UnitCreated   code, name, level, parentCode, agencyCode, validFrom
 * unit.renamed  UnitRenamed   code, name, previousName
 * unit.closed   UnitClosed    code, validTo, successorCode?
 * unit.merged   UnitsMerged   code (the successor), sourceCodes, effectiveOn
 * </pre>
 * The event's unit_code is the administrator's unit, an ancestor of (or equal to) the changed unit.
 */
@Singleton
public class UnitEvents {

    static final String AGGREGATE_TYPE = "unit";

    private final OutboxWriter outbox;
    private final Encoder encoder;
    private final FeedAnnouncements announcements;

    public UnitEvents(OutboxWriter outbox, Encoder encoder, FeedAnnouncements announcements) {
        this.outbox = outbox;
        this.encoder = encoder;
        this.announcements = announcements;
    }

    /** Builds the generated messages; implemented by the gRPC adapter. */
    public interface Encoder {
        Message created(AdminUnit unit);

        Message renamed(AdminUnit before, String name);

        /** @param successor null unless closed by a merger */
        Message closed(String code, LocalDate validTo, String successor);

        Message merged(AdminUnit successor, List<String> sources);
    }

    void created(AdminUnit u, String actorUnit, Instant now) {
        append("unit.created", u.code(), actorUnit, now, encoder.created(u));
        announcements.record(FeedAnnouncements.UNIT, u.code(), now);
    }

    /**
     * The startup back-fill of a unit the feed never announced (seeded, or older than the feed): unit.created as it
     * is now, then unit.closed if it has ended. The event's unit_code is its parent's (its own for a root).
     */
    public void announceExisting(AdminUnit u, Instant now) {
        String actorUnit = u.parentCode() == null ? u.code() : u.parentCode();
        created(u, actorUnit, now);
        if (u.closed()) {
            closed(u.code(), u.validTo(), u.successorCode(), actorUnit, now);
        }
    }

    void renamed(AdminUnit before, String name, String actorUnit, Instant now) {
        append("unit.renamed", before.code(), actorUnit, now, encoder.renamed(before, name));
    }

    void closed(String code, LocalDate validTo, String successor, String actorUnit, Instant now) {
        append("unit.closed", code, actorUnit, now, encoder.closed(code, validTo, successor));
    }

    void merged(AdminUnit successor, List<String> sources, String actorUnit, Instant now) {
        append("unit.merged", successor.code(), actorUnit, now, encoder.merged(successor, sources));
    }

    private void append(String type, String code, String unit, Instant now, Message payload) {
        outbox.append(new OutboxEntry(AGGREGATE_TYPE, code, type, unit, now, payload));
    }
}
