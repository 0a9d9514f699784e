package vn.motcua.dossier.unit.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.domain.NewUnitSpec;
import vn.motcua.dossier.unit.service.UnitAdministration;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.common.v1.UnitRef;
import vn.motcua.proto.dossier.v1.CloseUnitRequest;
import vn.motcua.proto.dossier.v1.CloseUnitResponse;
import vn.motcua.proto.dossier.v1.CreateUnitRequest;
import vn.motcua.proto.dossier.v1.CreateUnitResponse;
import vn.motcua.proto.dossier.v1.ListManagedUnitsRequest;
import vn.motcua.proto.dossier.v1.ListManagedUnitsResponse;
import vn.motcua.proto.dossier.v1.ManagedUnit;
import vn.motcua.proto.dossier.v1.MergeUnitsRequest;
import vn.motcua.proto.dossier.v1.MergeUnitsResponse;
import vn.motcua.proto.dossier.v1.NewUnit;
import vn.motcua.proto.dossier.v1.RenameUnitRequest;
import vn.motcua.proto.dossier.v1.RenameUnitResponse;
import vn.motcua.proto.dossier.v1.UnitAdminServiceGrpc;

/** The gRPC adapter of UnitAdminService; every method needs a unit_admin token, checked in the service. */
@Singleton
public class UnitAdminGrpcEndpoint extends UnitAdminServiceGrpc.UnitAdminServiceImplBase {

    private final UnitAdministration units;

    public UnitAdminGrpcEndpoint(UnitAdministration units) {
        this.units = units;
    }

    @Override
    public void listManagedUnits(ListManagedUnitsRequest r, StreamObserver<ListManagedUnitsResponse> observer) {
        ListManagedUnitsResponse.Builder response = ListManagedUnitsResponse.newBuilder();
        units.managed(CallContext.requireCaller()).forEach(u -> response.addUnits(managed(u)));
        reply(observer, response.build());
    }

    @Override
    public void createUnit(CreateUnitRequest r, StreamObserver<CreateUnitResponse> observer) {
        AdminUnit created = units.create(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.hasUnit() ? spec(r.getUnit()) : null,
                r.getValidFrom());
        reply(
                observer,
                CreateUnitResponse.newBuilder().setUnit(managed(created)).build());
    }

    @Override
    public void renameUnit(RenameUnitRequest r, StreamObserver<RenameUnitResponse> observer) {
        AdminUnit renamed = units.rename(CallContext.requireCaller(), r.getCode(), r.getName());
        reply(
                observer,
                RenameUnitResponse.newBuilder().setUnit(managed(renamed)).build());
    }

    @Override
    public void closeUnit(CloseUnitRequest r, StreamObserver<CloseUnitResponse> observer) {
        AdminUnit closed = units.close(CallContext.requireCaller(), r.getCode(), r.getValidTo());
        reply(observer, CloseUnitResponse.newBuilder().setUnit(managed(closed)).build());
    }

    @Override
    public void mergeUnits(MergeUnitsRequest r, StreamObserver<MergeUnitsResponse> observer) {
        UnitAdministration.Merger merger = units.merge(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getSourceCodesList(),
                r.hasSuccessor() ? spec(r.getSuccessor()) : null,
                r.getEffectiveOn());
        MergeUnitsResponse.Builder response = MergeUnitsResponse.newBuilder().setSuccessor(managed(merger.successor()));
        merger.closed().forEach(u -> response.addClosed(managed(u)));
        reply(observer, response.build());
    }

    static NewUnitSpec spec(NewUnit u) {
        vn.motcua.dossier.unit.UnitLevel level = switch (u.getLevel()) {
            case UNIT_LEVEL_PROVINCE -> vn.motcua.dossier.unit.UnitLevel.PROVINCE;
            case UNIT_LEVEL_DISTRICT -> vn.motcua.dossier.unit.UnitLevel.DISTRICT;
            case UNIT_LEVEL_COMMUNE -> vn.motcua.dossier.unit.UnitLevel.COMMUNE;
            default -> null;
        };
        return new NewUnitSpec(u.getCode(), u.getAgencyCode(), u.getName(), level, u.getParentCode());
    }

    static ManagedUnit managed(AdminUnit u) {
        UnitRef.Builder ref = UnitRef.newBuilder()
                .setCode(u.code())
                .setName(u.name())
                .setAgencyCode(u.agencyCode())
                .setLevel(level(u.level()));
        if (u.parentCode() != null) {
            ref.setParentCode(u.parentCode());
        }
        ManagedUnit.Builder b =
                ManagedUnit.newBuilder().setUnit(ref).setValidFrom(u.validFrom().toString());
        if (u.validTo() != null) {
            b.setValidTo(u.validTo().toString());
        }
        if (u.successorCode() != null) {
            b.setSuccessorCode(u.successorCode());
        }
        return b.build();
    }

    static UnitLevel level(vn.motcua.dossier.unit.UnitLevel level) {
        return UnitLevel.valueOf("UNIT_LEVEL_" + level.name());
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
