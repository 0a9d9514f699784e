package vn.motcua.dossier.catalog.grpc;

import jakarta.inject.Singleton;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.service.CatalogEvents;
import vn.motcua.proto.dossier.v1.Procedure;
import vn.motcua.proto.dossier.v1.ProcedurePublished;
import vn.motcua.proto.dossier.v1.ProcedureWithdrawn;

/**
 * The catalogue feed's payloads, taken from the API's mapping of the version ({@link CatalogMessages#version}) so
 * the feed and the API name every value the same way; fees and component names stay off the feed.
 */
@Singleton
public class CatalogEventMessages implements CatalogEvents.Encoder {

    @Override
    public ProcedurePublished published(ProcedureVersion v, Integer supersededVersion) {
        vn.motcua.proto.dossier.v1.ProcedureVersion version = CatalogMessages.version(v);
        Procedure p = version.getProcedure();
        ProcedurePublished.Builder b = ProcedurePublished.newBuilder()
                .setCode(p.getCode())
                .setVersion(p.getVersion())
                .setName(p.getName())
                .setField(p.getField())
                .setLevel(p.getLevel())
                .setTimeLimit(p.getTimeLimit())
                .setOnlineLevel(p.getOnlineLevel())
                .setPostalAllowed(p.getPostalAllowed())
                .setBoundaryFreeAllowed(p.getBoundaryFreeAllowed())
                .setRequiresPaperResult(version.getRequiresPaperResult())
                .setComponentCount(p.getComponentsCount())
                .setPublicationDecision(version.getPublicationDecision())
                .setPublishedOn(version.getPublishedOn())
                .setEffectiveOn(version.getEffectiveOn())
                .addAllReceivingUnits(version.getReceivingUnitsList())
                .setState(version.getState())
                .setOnlineFeeDiscountPercent(p.getOnlineFeeDiscountPercent());
        if (supersededVersion != null) {
            b.setSupersededVersion(supersededVersion);
        }
        return b.build();
    }

    @Override
    public ProcedureWithdrawn withdrawn(ProcedureVersion v) {
        vn.motcua.proto.dossier.v1.ProcedureVersion version = CatalogMessages.version(v);
        return ProcedureWithdrawn.newBuilder()
                .setCode(v.code())
                .setVersion(v.version())
                .setPublishedOn(version.getPublishedOn())
                .setEffectiveOn(version.getEffectiveOn())
                .addAllReceivingUnits(version.getReceivingUnitsList())
                .setState(version.getState())
                .build();
    }
}
