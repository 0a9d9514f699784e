package vn.motcua.report.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import vn.motcua.report.reception.domain.DossierReceived;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON body of dossier-service's {@code dossier.received} event, as that producer documents it. Fields this
 * service does not use yet are still declared so the contract is visible here; unknown ones are ignored, so the
 * producer may add fields without breaking us.
 */
@Serdeable
public record DossierReceivedPayload(String code, String receivingUnitCode, @Nullable List<String> unitPath,
                                     @Nullable String competentUnitCode, @Nullable String procedureCode,
                                     @Nullable String channel, Instant receivedAt, @Nullable Instant dueAt) {

    /**
     * @throws IllegalArgumentException when the body is not a well-formed {@code dossier.received} payload
     */
    public static DossierReceived parse(JsonMapper json, String payloadJson) {
        DossierReceivedPayload payload;
        try {
            payload = json.readValue(payloadJson, DossierReceivedPayload.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("dossier.received payload is not readable: " + e.getMessage(), e);
        }
        if (payload == null) {
            throw new IllegalArgumentException("dossier.received payload is empty");
        }
        return payload.toDomain();
    }

    DossierReceived toDomain() {
        return new DossierReceived(code, receivingUnitCode, unitPath, receivedAt);
    }
}
