package vn.motcua.report.feed.grpc;

import jakarta.inject.Singleton;
import java.util.Set;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.digitization.v1.CertifiedCopyChanged;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.report.projection.domain.ProjectionChange;
import vn.motcua.report.projection.service.ProjectionEngine;

/**
 * digitization-service's feed: each DigitizationChanged carries the whole dossier's flags after it (the latest event
 * wins, under the dossier's stable key) and recomputes that dossier's digitization indicators; each certified copy is
 * a certified_copy_fact row.
 */
@Singleton
public class DigitizationFeedHandler extends ProjectingFeedHandler {

    static final String CERTIFIED_COPY_ISSUED = "digitization.certified_copy_issued";

    static final Set<String> DIGITIZATION_EVENTS = Set.of(
            "digitization.component_digitized",
            "digitization.component_exempted",
            "digitization.component_reused",
            "digitization.result_attached",
            "digitization.warehouse_linked");

    static final Set<String> PROJECTED = Set.of(
            "digitization.component_digitized",
            "digitization.component_exempted",
            "digitization.component_reused",
            "digitization.result_attached",
            "digitization.warehouse_linked",
            CERTIFIED_COPY_ISSUED);

    static final Set<String> IGNORED = Set.of();

    public DigitizationFeedHandler(ProjectionEngine engine) {
        super(engine);
    }

    @Override
    Set<String> projected() {
        return PROJECTED;
    }

    @Override
    Set<String> ignored() {
        return IGNORED;
    }

    @Override
    ProjectionChange decode(FeedEvent event) {
        if (CERTIFIED_COPY_ISSUED.equals(event.eventType())) {
            CertifiedCopyChanged c = unpack(event.payload(), CertifiedCopyChanged.class);
            if (!c.hasCertifiedAt()) {
                throw new IllegalArgumentException(
                        "certified copy " + c.getCertificateNumber() + " has no certified_at");
            }
            return new ProjectionChange.CertifiedCopy(
                    DossierFeedHandler.required(c.getCertificateNumber(), "certificate_number"),
                    DossierFeedHandler.required(c.getUnitCode(), "unit_code"),
                    instant(true, c.getCertifiedAt()));
        }
        DigitizationChanged d = unpack(event.payload(), DigitizationChanged.class);
        // the aggregate id is the dossier's stable key (its submission reference, else its code), the same as the
        // dossier feed's aggregate id: an online dossier digitized before its acceptance keeps its row
        String key =
                event.aggregateId() == null || event.aggregateId().isBlank() ? d.getDossierCode() : event.aggregateId();
        return new ProjectionChange.Digitization(
                DossierFeedHandler.required(key, "the dossier's key"),
                d.getComponentsComplete(),
                d.getResultElectronic(),
                d.getDossierReusesData(),
                d.getDossierLinkedToWarehouse(),
                instant(d.hasOccurredAt(), d.getOccurredAt()));
    }
}
