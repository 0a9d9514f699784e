package vn.motcua.report.feed;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.service.ReceptionProjection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DossierFeedHandlerRoutingTest {

    private final List<DossierReceived> recorded = new ArrayList<>();
    private final DossierFeedHandler handler = new DossierFeedHandler(ObjectMapper.getDefault(),
            new ReceptionProjection(null) {
                @Override
                public void record(DossierReceived reception) {
                    recorded.add(reception);
                }
            });

    private static FeedEvent event(String type, String payload) {
        return new FeedEvent("e-" + type, 7, "dossier-service", "dossier", "D1", type,
                Instant.parse("2026-11-27T02:15:00Z"), "11077", payload);
    }

    @Test
    void receptionGoesToTheProjection() {
        handler.apply(event("dossier.received", DossierReceivedPayloadTest.SAMPLE));
        assertThat(recorded).extracting(DossierReceived::receivingUnitCode).containsExactly("11077");
    }

    @Test
    void eventTypesWithoutProjectionAreIgnoredWithoutReadingThePayload() {
        handler.apply(event("dossier.accepted_for_processing", "not even json"));
        handler.apply(event("payment.completed", "{}"));
        assertThat(recorded).isEmpty();
    }
}
