package vn.motcua.report.feed;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.motcua.report.reception.domain.DossierReceived;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DossierReceivedPayloadTest {

    /** As dossier-service's ReceptionService writes it (it also sends fields this service does not use). */
    static final String SAMPLE = """
            {"code":"H30.298.11077-261127-0001","receivingUnitCode":"11077","unitPath":["30","298","11077"],
             "competentUnitCode":"11077","boundaryFree":false,"procedureCode":"1.001193","procedureVersion":2,
             "channel":"COUNTER","state":"RECEIVED","receivedAt":"2026-11-27T02:15:00.123456Z",
             "dueAt":"2026-12-02T10:00:00Z"}""";

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Test
    void producersDocumentedPayloadIsRead() {
        DossierReceived reception = DossierReceivedPayload.parse(json, SAMPLE);
        assertThat(reception.dossierCode()).isEqualTo("H30.298.11077-261127-0001");
        assertThat(reception.receivingUnitCode()).isEqualTo("11077");
        assertThat(reception.unitPath()).containsExactly("30", "298", "11077");
        assertThat(reception.receivedAt()).isEqualTo(Instant.parse("2026-11-27T02:15:00.123456Z"));
        assertThat(reception.localDate()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void fieldsAddedLaterByTheProducerAreIgnored() {
        String extended = SAMPLE.replace("\"channel\":\"COUNTER\",",
                "\"channel\":\"COUNTER\",\"applicant\":{\"kind\":\"CITIZEN\"},\"fee\":50000,");
        assertThat(DossierReceivedPayload.parse(json, extended).receivingUnitCode()).isEqualTo("11077");
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        DossierReceived reception = DossierReceivedPayload.parse(json,
                "{\"code\":\"X\",\"receivingUnitCode\":\"11077\",\"receivedAt\":\"2026-11-27T17:00:00Z\"}");
        assertThat(reception.ancestry()).containsExactly("11077");
        assertThat(reception.localDate()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void payloadWithoutWhatTheProjectionNeedsIsRejected() {
        assertThatThrownBy(() -> DossierReceivedPayload.parse(json,
                "{\"code\":\"X\",\"receivedAt\":\"2026-11-27T17:00:00Z\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DossierReceivedPayload.parse(json,
                "{\"code\":\"X\",\"receivingUnitCode\":\"11077\"}"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> DossierReceivedPayload.parse(json,
                "{\"code\":\"X\",\"receivingUnitCode\":\"11077\",\"receivedAt\":\"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DossierReceivedPayload.parse(json, "not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
