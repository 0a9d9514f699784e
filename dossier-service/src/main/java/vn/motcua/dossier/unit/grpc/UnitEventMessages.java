package vn.motcua.dossier.unit.grpc;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.service.UnitEvents;
import vn.motcua.proto.dossier.v1.UnitClosed;
import vn.motcua.proto.dossier.v1.UnitCreated;
import vn.motcua.proto.dossier.v1.UnitRenamed;
import vn.motcua.proto.dossier.v1.UnitsMerged;

/** The unit feed's payloads (proto/motcua/dossier/v1/unit_events.proto); dates as ISO dates like the admin API. */
@Singleton
public class UnitEventMessages implements UnitEvents.Encoder {

    @Override
    public UnitCreated created(AdminUnit u) {
        UnitCreated.Builder b = UnitCreated.newBuilder()
                .setCode(u.code())
                .setName(u.name())
                .setLevel(UnitAdminGrpcEndpoint.level(u.level()))
                .setAgencyCode(u.agencyCode())
                .setValidFrom(u.validFrom().toString());
        if (u.parentCode() != null) {
            b.setParentCode(u.parentCode());
        }
        return b.build();
    }

    @Override
    public UnitRenamed renamed(AdminUnit before, String name) {
        return UnitRenamed.newBuilder()
                .setCode(before.code())
                .setName(name)
                .setPreviousName(before.name())
                .build();
    }

    @Override
    public UnitClosed closed(String code, LocalDate validTo, String successor) {
        UnitClosed.Builder b = UnitClosed.newBuilder().setCode(code).setValidTo(validTo.toString());
        if (successor != null) {
            b.setSuccessorCode(successor);
        }
        return b.build();
    }

    @Override
    public UnitsMerged merged(AdminUnit successor, List<String> sources) {
        return UnitsMerged.newBuilder()
                .setCode(successor.code())
                .addAllSourceCodes(sources)
                .setEffectiveOn(successor.validFrom().toString())
                .build();
    }
}
