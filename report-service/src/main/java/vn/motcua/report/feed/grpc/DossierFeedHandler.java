package vn.motcua.report.feed.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.service.ReceptionProjection;

/**
 * Routes dossier-service's events to the projections, decoding payloads with the generated classes only. Runs inside
 * FeedCursorStore.applyOnce, so whatever it writes commits together with the dedup record and the cursor.
 * <p>
 * Every event type proto/ declares (vn.motcua.proto.FeedEventTypes) has a decision here: {@link #PROJECTED} types
 * are decoded and applied; {@link #IGNORED} ones are read past knowingly (the cursor still moves), because no
 * projection needs them yet. DossierFeedContractTest fails while a declared type is in neither set, so a new event
 * reaches this service only after someone decided what it means for the reports. A type this build does not know
 * at all (a newer producer) is skipped the same way, with a log line.
 * <p>
 * A projected event whose payload is not the expected message or cannot be parsed throws: the transaction rolls
 * back and the subscriber retries with backoff, stalling the feed visibly rather than silently under-counting (the
 * fix is on the producer side, after which the same events apply).
 */
@Singleton
public class DossierFeedHandler implements FeedEventHandler {

    public static final String DOSSIER_RECEIVED = "dossier.received";

    /** Event types decoded and applied to a projection. */
    static final Set<String> PROJECTED = Set.of(DOSSIER_RECEIVED);

    /** Declared event types no projection uses yet. */
    static final Set<String> IGNORED = Set.of(
            // dossier lifecycle beyond reception: the processing statistics (form II.06a) are not built yet
            "dossier.submitted",
            "dossier.pre_supplement_requested",
            "dossier.resubmitted",
            "dossier.rejected",
            "dossier.transferred",
            "dossier.assigned",
            "dossier.appraised",
            "dossier.consultation_requested",
            "dossier.consultation_answered",
            "dossier.forwarded_inter_agency",
            "dossier.submitted_for_approval",
            "dossier.approved",
            "dossier.supplement_requested",
            "dossier.supplement_received",
            "dossier.refused",
            "dossier.deadline_extended",
            "dossier.financial_obligation_required",
            "dossier.financial_obligation_fulfilled",
            "dossier.withdrawn",
            "dossier.stopped",
            "dossier.result_issued",
            "dossier.result_returned",
            "dossier.near_due",
            "dossier.overdue",
            "dossier.rated",
            // Decision 766 petition, unit-dimension and catalogue indicators: not built yet
            "feedback.received",
            "feedback.classified",
            "feedback.forwarded",
            "feedback.answered",
            "feedback.published",
            "feedback.reacted",
            "unit.created",
            "unit.renamed",
            "unit.closed",
            "unit.merged",
            "calendar.day-added",
            "calendar.day-removed",
            "calendar.sessions-replaced",
            "procedure.published",
            "procedure.withdrawn");

    private static final Logger LOG = LoggerFactory.getLogger(DossierFeedHandler.class);

    private final ReceptionProjection receptions;

    public DossierFeedHandler(ReceptionProjection receptions) {
        this.receptions = receptions;
    }

    @Override
    public void apply(FeedEvent event) {
        if (DOSSIER_RECEIVED.equals(event.eventType())) {
            receptions.record(received(event.payload()));
        } else if (IGNORED.contains(event.eventType())) {
            LOG.trace("Ignoring {} event {} (seq {})", event.eventType(), event.eventId(), event.seq());
        } else {
            LOG.debug(
                    "Skipping {} event {} (seq {}): not a type this build knows",
                    event.eventType(),
                    event.eventId(),
                    event.seq());
        }
    }

    /**
     * @throws IllegalArgumentException when the payload is not a readable {@code DossierChanged} with what the
     *                                  reception projection needs
     */
    static DossierReceived received(Any payload) {
        DossierChanged changed = unpack(payload, DossierChanged.class);
        if (!changed.hasReceivedAt()) {
            throw new IllegalArgumentException(DOSSIER_RECEIVED + " of " + changed.getCode() + " has no received_at");
        }
        return new DossierReceived(
                changed.getCode(),
                changed.getReceivingUnitCode(),
                changed.getUnitPathList(),
                instant(changed.getReceivedAt()));
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

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
