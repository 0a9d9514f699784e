package vn.motcua.digitization.feed.domain;

import java.time.Instant;

/**
 * One DigitizationChanged event, free of personal data and generated classes (codes, flags and times only).
 *
 * @param dossierKey        the aggregate id: the dossier's stable key
 * @param componentNumber   0 for result events
 * @param componentState    PENDING..EXEMPT name, null for result events
 * @param source            the component's source name, null when none
 * @param warehouseItemKind RESULT / COMPONENT when the change put an item into the warehouse, else null
 */
public record DigitizationEvent(
        DigitizationEventType type,
        String dossierKey,
        String dossierCode,
        String receivingUnitCode,
        String procedureCode,
        int procedureVersion,
        int componentNumber,
        String componentState,
        String source,
        boolean fromWarehouse,
        boolean reused,
        DossierFlags flags,
        String warehouseItemKind,
        Instant occurredAt) {}
