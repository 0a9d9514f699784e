package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.CloseUnitRequest;
import vn.motcua.proto.dossier.v1.CreateUnitRequest;
import vn.motcua.proto.dossier.v1.ListManagedUnitsRequest;
import vn.motcua.proto.dossier.v1.ManagedUnit;
import vn.motcua.proto.dossier.v1.NewUnit;
import vn.motcua.proto.dossier.v1.RenameUnitRequest;

/** A unit administrator works in their own unit's subtree only; every refusal writes nothing. */
@MicronautTest(transactional = false)
class AdminCannotCreateUnitOutsideSubtreeIT extends AdminItSupport {

    private static CreateUnitRequest create(NewUnit.Builder unit) {
        return CreateUnitRequest.newBuilder()
                .setUnit(unit)
                .setValidFrom("2026-03-09")
                .build();
    }

    @Test
    void aCommuneAdminCannotCreateASiblingAndADistrictAdminCannotCreateAProvinceLevelParent() {
        Map<String, Long> before = footprint();
        StatusRuntimeException sibling = failure(
                () -> units(admin("11077")).createUnit(create(commune("11500", "000.95.24.H30", "Xã Mới", "298"))));
        assertThat(sibling.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(reason(sibling)).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(failure(() -> units(admin("298"))
                                .createUnit(create(NewUnit.newBuilder()
                                        .setCode("299")
                                        .setAgencyCode("000.00.25.H30")
                                        .setName("Huyện Mới")
                                        .setLevel(UnitLevel.UNIT_LEVEL_DISTRICT)
                                        .setParentCode("30"))))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> units(admin("11077"))
                                .renameUnit(RenameUnitRequest.newBuilder()
                                        .setCode("11080")
                                        .setName("Xã Khác")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> units(admin("298"))
                                .closeUnit(CloseUnitRequest.newBuilder()
                                        .setCode("30")
                                        .setValidTo("2026-03-10")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // a reception officer is no administrator, whatever the unit
        assertThat(failure(() -> units(desk("30"))
                                .createUnit(create(commune("11500", "000.95.24.H30", "Xã Mới", "298"))))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void badUnitsAreRefusedWithTheMatchingStatusAndNothingIsWritten() {
        Map<String, Long> before = footprint();
        String admin = admin("298");
        assertInvalid(admin, commune("", "", "", "298"));
        assertInvalid(admin, commune("11500", "000.95.24.H30", "Xã \u0007Chuông", "298"));
        assertInvalid(admin, commune("11500", "000.95.24.H30", "Xã ".repeat(100), "298"));
        assertInvalid(admin, commune("11500", "000.95.24.H30", "Xã Mới", "99999"));
        assertInvalid(admin, commune("11500", "000.95.24.H30", "Xã Mới", "11500"));
        // a district below a district does not fit
        assertInvalid(
                admin,
                NewUnit.newBuilder()
                        .setCode("11500")
                        .setAgencyCode("000.95.24.H30")
                        .setName("Huyện")
                        .setLevel(UnitLevel.UNIT_LEVEL_DISTRICT)
                        .setParentCode("298"));
        // a commune below a commune does not fit either
        assertInvalid(admin, commune("11500", "000.95.24.H30", "Xã Mới", "11077"));
        assertThat(failure(() -> units(admin)
                                .createUnit(CreateUnitRequest.newBuilder()
                                        .setUnit(commune("11500", "000.95.24.H30", "Xã Mới", "298"))
                                        .setValidFrom("2026-02-30")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure(() -> units(admin)
                                .createUnit(CreateUnitRequest.newBuilder()
                                        .setUnit(commune("11500", "000.95.24.H30", "Xã Mới", "298"))
                                        .setValidFrom("2018-01-01")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure(() -> units(admin).createUnit(create(commune("11077", "000.95.24.H30", "Xã Mới", "298"))))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(metadata(
                        failure(() ->
                                units(admin).createUnit(create(commune("11500", "000.02.24.H30", "Xã Mới", "298")))),
                        "rule"))
                .isEqualTo("AGENCY_CODE_TAKEN");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void anAdminCreatesBelowTheirOwnUnitOnceForOneIdempotencyKey() {
        long feed = count("feed_outbox");
        CreateUnitRequest request = CreateUnitRequest.newBuilder()
                .setRequestId("create-11600")
                .setUnit(commune("11600", "000.96.24.H30", "Xã Tân Kỳ", "298"))
                .setValidFrom("2026-03-09")
                .build();
        ManagedUnit created = units(admin("298")).createUnit(request).getUnit();
        ManagedUnit replayed = units(admin("298")).createUnit(request).getUnit();
        assertThat(replayed).isEqualTo(created);
        assertThat(created.getUnit().getParentCode()).isEqualTo("298");
        assertThat(count("feed_outbox") - feed).isEqualTo(1);
        assertThat(units(admin("298"))
                        .listManagedUnits(ListManagedUnitsRequest.getDefaultInstance())
                        .getUnitsList())
                .extracting(u -> u.getUnit().getCode())
                .contains("298", "11077", "11600")
                .doesNotContain("30");
        // the new unit is public at once on this instance (the unit cache is dropped)
        assertThat(ds(null).listUnits(vn.motcua.proto.dossier.v1.ListUnitsRequest.getDefaultInstance())
                        .getUnitsList())
                .extracting(u -> u.getCode())
                .contains("11600");
        ManagedUnit renamed = units(admin("11600"))
                .renameUnit(RenameUnitRequest.newBuilder()
                        .setCode("11600")
                        .setName("Xã Tân Kỳ Mới")
                        .build())
                .getUnit();
        assertThat(renamed.getUnit().getName()).isEqualTo("Xã Tân Kỳ Mới");
    }

    private void assertInvalid(String admin, NewUnit.Builder unit) {
        assertThat(failure(() -> units(admin).createUnit(create(unit)))
                        .getStatus()
                        .getCode())
                .as(unit.toString())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
