package vn.motcua.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.UnitRenamed;

/** The producer-side guard: an outbox row carries exactly the message proto/ declares for its event type. */
class OutboxEntryAcceptsOnlyDeclaredPayloadsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:15:00Z");

    @Test
    void declaredPairIsAcceptedAndNamesItsMessage() {
        OutboxEntry entry = new OutboxEntry(
                "dossier",
                "D1",
                "dossier.received",
                "11077",
                NOW,
                DossierChanged.newBuilder().setCode("D1").build());
        assertThat(entry.payloadType()).isEqualTo("motcua.dossier.v1.DossierChanged");
    }

    @Test
    void undeclaredEventTypeIsRefused() {
        assertThatThrownBy(() -> new OutboxEntry(
                        "dossier", "D1", "dossier.teleported", "11077", NOW, DossierChanged.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not declared");
    }

    @Test
    void messageOtherThanTheDeclaredOneIsRefused() {
        assertThatThrownBy(() -> new OutboxEntry(
                        "dossier", "D1", "dossier.received", "11077", NOW, UnitRenamed.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DossierChanged");
        assertThatThrownBy(() -> new OutboxEntry(
                        "unit", "D1", "dossier.received", "11077", NOW, DossierChanged.getDefaultInstance()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
