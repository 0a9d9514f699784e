package vn.motcua.digitization.feed.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.digitization.feed.domain.DigitizationEvent;
import vn.motcua.digitization.feed.service.DigitizationFeed;
import vn.motcua.proto.digitization.v1.CertifiedCopyChanged;
import vn.motcua.proto.digitization.v1.ComponentSource;
import vn.motcua.proto.digitization.v1.ComponentState;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.digitization.v1.WarehouseItemKind;

/** The feed payloads as generated messages (proto/motcua/digitization/v1/digitization_events.proto). */
@Singleton
public class DigitizationEventMessages implements DigitizationFeed.Encoder {

    @Override
    public Message digitizationChanged(DigitizationEvent e) {
        DigitizationChanged.Builder b = DigitizationChanged.newBuilder()
                .setDossierCode(e.dossierCode())
                .setEvent(e.type().name())
                .setReceivingUnitCode(nz(e.receivingUnitCode()))
                .setProcedureCode(nz(e.procedureCode()))
                .setProcedureVersion(e.procedureVersion())
                .setComponentNumber(e.componentNumber())
                .setFromWarehouse(e.fromWarehouse())
                .setReused(e.reused())
                .setComponentsComplete(e.flags().componentsComplete())
                .setResultElectronic(e.flags().resultElectronic())
                .setDossierReusesData(e.flags().reusesData())
                .setDossierLinkedToWarehouse(e.flags().linkedToWarehouse())
                .setOccurredAt(timestamp(e.occurredAt()));
        if (e.componentState() != null) {
            b.setComponentState(ComponentState.valueOf("COMPONENT_STATE_" + e.componentState()));
        }
        if (e.source() != null) {
            b.setSource(ComponentSource.valueOf("COMPONENT_SOURCE_" + e.source()));
        }
        if (e.warehouseItemKind() != null) {
            b.setWarehouseItemKind(WarehouseItemKind.valueOf("WAREHOUSE_ITEM_KIND_" + e.warehouseItemKind()));
        }
        return b.build();
    }

    @Override
    public Message certifiedCopyChanged(String certificateNumber, String unitCode, Instant certifiedAt) {
        return CertifiedCopyChanged.newBuilder()
                .setCertificateNumber(certificateNumber)
                .setUnitCode(unitCode)
                .setCertifiedAt(timestamp(certifiedAt))
                .build();
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder()
                .setSeconds(at.getEpochSecond())
                .setNanos(at.getNano())
                .build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
