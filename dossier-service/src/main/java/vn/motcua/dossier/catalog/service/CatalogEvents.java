package vn.motcua.dossier.catalog.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.common.FeedAnnouncements;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Catalogue events on the change feed (aggregate "procedure", id = the TTHC code), for report-service's Decision 766
 * group 1 indicators. Catalogue facts only: no person, no free text (a withdrawal's reason stays in the database).
 * Payloads are the messages of proto/motcua/dossier/v1/catalog_events.proto:
 * <pre>
 * procedure.published  ProcedurePublished  code, version, supersededVersion?, name, field, level, timeLimit,
 *                      onlineLevel, postalAllowed, boundaryFreeAllowed, requiresPaperResult, componentCount,
 *                      publicationDecision, publishedOn, effectiveOn, receivingUnits, state
 * procedure.withdrawn  ProcedureWithdrawn  code, version, publishedOn, effectiveOn, receivingUnits, state
 * </pre>
 * The event's unit_code is the controller's unit, an ancestor of every receiving unit.
 */
@Singleton
public class CatalogEvents {

    static final String AGGREGATE_TYPE = "procedure";
    static final String PUBLISHED = "procedure.published";
    static final String WITHDRAWN = "procedure.withdrawn";

    private final OutboxWriter outbox;
    private final Encoder encoder;
    private final FeedAnnouncements announcements;

    public CatalogEvents(OutboxWriter outbox, Encoder encoder, FeedAnnouncements announcements) {
        this.outbox = outbox;
        this.encoder = encoder;
        this.announcements = announcements;
    }

    /** Builds the generated messages; implemented by the gRPC adapter. */
    public interface Encoder {
        /** @param supersededVersion the version this one replaces, null if none */
        Message published(ProcedureVersion v, Integer supersededVersion);

        Message withdrawn(ProcedureVersion v);
    }

    /** Call as the last statement of the publishing transaction. */
    void published(ProcedureVersion v, Integer supersededVersion, String actorUnit, Instant now) {
        append(PUBLISHED, v.procedure().code(), actorUnit, now, encoder.published(v, supersededVersion));
        announcements.record(FeedAnnouncements.PROCEDURE, FeedAnnouncements.procedureKey(v.code(), v.version()), now);
    }

    /**
     * The startup back-fill of a published version the feed never announced (seeded, or older than the feed); the
     * event's unit_code is {@code actorUnit} (the root of the unit tree).
     */
    public void announceExisting(ProcedureVersion v, String actorUnit, Instant now) {
        published(v, null, actorUnit, now);
    }

    /** Call as the last statement of the withdrawing transaction. */
    void withdrawn(ProcedureVersion v, String actorUnit, Instant now) {
        append(WITHDRAWN, v.code(), actorUnit, now, encoder.withdrawn(v));
    }

    private void append(String type, String code, String unit, Instant now, Message payload) {
        outbox.append(new OutboxEntry(AGGREGATE_TYPE, code, type, unit, now, payload));
    }
}
