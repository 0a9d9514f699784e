package vn.motcua.report.feed;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.report.reception.service.ReceptionProjection;

/**
 * Routes dossier-service's events to the projections. Runs inside FeedCursorStore.applyOnce, so whatever it writes
 * commits together with the dedup record and the cursor.
 * <p>
 * Event types this service has no projection for are ignored; the cursor still moves past them. A malformed
 * {@code dossier.received} payload throws: the transaction rolls back and the subscriber retries with backoff,
 * stalling the feed visibly rather than silently under-counting (the fix is on the producer side, after which the
 * same events apply).
 */
@Singleton
public class DossierFeedHandler implements FeedEventHandler {

    public static final String DOSSIER_RECEIVED = "dossier.received";

    private static final Logger LOG = LoggerFactory.getLogger(DossierFeedHandler.class);

    private final JsonMapper json;
    private final ReceptionProjection receptions;

    public DossierFeedHandler(JsonMapper json, ReceptionProjection receptions) {
        this.json = json;
        this.receptions = receptions;
    }

    @Override
    public void apply(FeedEvent event) {
        if (DOSSIER_RECEIVED.equals(event.eventType())) {
            receptions.record(DossierReceivedPayload.parse(json, event.payloadJson()));
        } else {
            LOG.trace("Ignoring {} event {} (seq {})", event.eventType(), event.eventId(), event.seq());
        }
    }
}
