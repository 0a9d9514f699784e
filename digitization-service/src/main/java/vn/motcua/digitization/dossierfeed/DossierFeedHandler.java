package vn.motcua.digitization.dossierfeed;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.digitization.dossierlink.grpc.DossierServiceClient;
import vn.motcua.digitization.dossierlink.service.DossierLinks;
import vn.motcua.digitization.result.service.ResultCommands;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.proto.dossier.v1.DossierChanged;

/**
 * Routes dossier-service's events, decoding payloads with the generated classes only. Runs inside
 * FeedCursorStore.applyOnce, so what it writes commits together with the dedup record and the cursor.
 *
 * <p>Every event type proto/ declares for dossier-service's feed has a decision here: {@link #APPLIED} types are
 * decoded and applied (the result issued, or returned if the issue was missed: an attached verified result goes
 * into the applicant's warehouse, once); {@link #IGNORED} ones, and every type of the {@link #IGNORED_AGGREGATES},
 * are read past knowingly (the cursor still moves). DossierFeedContractTest fails while a declared type of
 * dossier-service's aggregates is in neither. A type this build does not know (a newer producer) is skipped the
 * same way, with a log line.
 *
 * <p>An applied event whose payload is not a readable {@code DossierChanged} throws: the transaction rolls back and
 * the subscriber retries with backoff, stalling the feed visibly rather than losing a result silently.
 */
@Singleton
public class DossierFeedHandler implements FeedEventHandler {

    public static final String RESULT_ISSUED = "dossier.result_issued";
    public static final String RESULT_RETURNED = "dossier.result_returned";

    /** Event types decoded and applied. */
    static final Set<String> APPLIED = Set.of(RESULT_ISSUED, RESULT_RETURNED);

    /** Declared dossier event types that change nothing here. */
    static final Set<String> IGNORED = Set.of(
            // intake, acceptance and hand-over between units: digitization reads the dossier from dossier-service
            // on every call with the caller's token, so a snapshot never decides on stale state
            "dossier.submitted",
            "dossier.received",
            "dossier.pre_supplement_requested",
            "dossier.resubmitted",
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
            "dossier.deadline_extended",
            "dossier.financial_obligation_required",
            "dossier.financial_obligation_fulfilled",
            // ended without a result: nothing goes into the warehouse
            "dossier.rejected",
            "dossier.refused",
            "dossier.withdrawn",
            "dossier.stopped",
            // deadlines and ratings say nothing about files
            "dossier.near_due",
            "dossier.overdue",
            "dossier.rated");

    /**
     * Aggregates on dossier-service's feed that never concern a dossier's files: feedback (phản ánh kiến nghị), the
     * unit tree, work calendars and the procedure catalogue (components are read from the catalogue on first use).
     */
    static final Set<String> IGNORED_AGGREGATES = Set.of("feedback", "unit", "calendar", "procedure");

    private static final Logger LOG = LoggerFactory.getLogger(DossierFeedHandler.class);

    private final DossierLinks links;
    private final ResultCommands results;

    public DossierFeedHandler(DossierLinks links, ResultCommands results) {
        this.links = links;
        this.results = results;
    }

    @Override
    public void apply(FeedEvent event) {
        if (APPLIED.contains(event.eventType())) {
            DossierChanged changed = unpack(event);
            Instant at = event.occurredAt();
            links.refresh(event.aggregateId(), changed.getCode(), DossierServiceClient.status(changed.getState()), at);
            results.resultIssued(event.aggregateId(), at);
        } else if (IGNORED.contains(event.eventType()) || IGNORED_AGGREGATES.contains(event.aggregateType())) {
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
     * @throws IllegalArgumentException when the payload is not a readable {@code DossierChanged} naming the dossier
     */
    static DossierChanged unpack(FeedEvent event) {
        Any payload = event.payload();
        if (!payload.is(DossierChanged.class)) {
            throw new IllegalArgumentException("payload is " + payload.getTypeUrl() + ", expected DossierChanged");
        }
        DossierChanged changed;
        try {
            changed = payload.unpack(DossierChanged.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("payload is not a readable DossierChanged: " + e.getMessage(), e);
        }
        if (changed.getCode().isBlank()
                || event.aggregateId() == null
                || event.aggregateId().isBlank()) {
            throw new IllegalArgumentException(event.eventType() + " event " + event.eventId() + " names no dossier");
        }
        return changed;
    }
}
