package vn.motcua.report.feed.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.UnitRenamed;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.service.ReceptionProjection;

class DossierFeedHandlerRoutingTest {

    static final DossierChanged RECEIVED = ReportItSupport.receivedPayload(
            "H30.298.11077-261127-0001", "11077", List.of("30", "298", "11077"), "2026-11-27T02:15:00.123456Z");

    private final List<DossierReceived> recorded = new ArrayList<>();
    private final DossierFeedHandler handler = new DossierFeedHandler(new ReceptionProjection(null) {
        @Override
        public void record(DossierReceived reception) {
            recorded.add(reception);
        }
    });

    private static FeedEvent event(String type, Any payload) {
        return new FeedEvent(
                "e-" + type,
                7,
                "dossier-service",
                "dossier",
                "D1",
                type,
                Instant.parse("2026-11-27T02:15:00Z"),
                "11077",
                payload);
    }

    @Test
    void receptionIsDecodedWithTheGeneratedClassAndGoesToTheProjection() {
        handler.apply(event("dossier.received", Any.pack(RECEIVED)));

        assertThat(recorded).hasSize(1);
        DossierReceived reception = recorded.get(0);
        assertThat(reception.dossierCode()).isEqualTo("H30.298.11077-261127-0001");
        assertThat(reception.receivingUnitCode()).isEqualTo("11077");
        assertThat(reception.unitPath()).containsExactly("30", "298", "11077");
        assertThat(reception.receivedAt()).isEqualTo(Instant.parse("2026-11-27T02:15:00.123456Z"));
        assertThat(reception.localDate()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void eventTypesWithoutProjectionAreIgnoredWithoutReadingThePayload() {
        Any garbage = Any.newBuilder()
                .setTypeUrl("type.googleapis.com/motcua.dossier.v1.DossierChanged")
                .setValue(ByteString.copyFromUtf8("not a message"))
                .build();
        handler.apply(event("dossier.assigned", garbage));
        handler.apply(event("payment.completed", Any.getDefaultInstance()));
        assertThat(recorded).isEmpty();
    }

    @Test
    void receptionWithoutWhatTheProjectionNeedsIsRejectedLoudly() {
        assertThatThrownBy(() -> handler.apply(event(
                        "dossier.received",
                        Any.pack(RECEIVED.toBuilder().clearReceivingUnitCode().build()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handler.apply(event(
                        "dossier.received",
                        Any.pack(RECEIVED.toBuilder().clearReceivedAt().build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("received_at");
        assertThat(recorded).isEmpty();
    }

    @Test
    void receptionWhosePayloadIsAnotherMessageOrUnreadableIsRejectedLoudly() {
        assertThatThrownBy(() -> handler.apply(event(
                        "dossier.received",
                        Any.pack(UnitRenamed.newBuilder().setCode("11077").build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UnitRenamed");
        Any unreadable = Any.newBuilder()
                .setTypeUrl("type.googleapis.com/motcua.dossier.v1.DossierChanged")
                .setValue(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}))
                .build();
        assertThatThrownBy(() -> handler.apply(event("dossier.received", unreadable)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable");
        assertThat(recorded).isEmpty();
    }
}
