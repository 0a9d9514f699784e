package vn.motcua.dossier.catalog;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.catalog.domain.ProcedureDraft;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.PublicationState;
import vn.motcua.dossier.catalog.domain.ReceivingUnit;
import vn.motcua.dossier.unit.UnitLevel;

/** Catalogue values for unit tests, with the Vietnamese text real entries have. */
public final class CatalogSamples {

    private CatalogSamples() {}

    /** A valid draft: "Cấp giấy phép xây dựng" received at Ngọc Sơn, decided by the Tứ Kỳ district. */
    public static ProcedureDraft buildingPermit() {
        return new ProcedureDraft(
                "1.009994",
                "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "Hoạt động xây dựng",
                UnitLevel.DISTRICT,
                15,
                TimeLimitUnit.WORKING_DAYS,
                List.of(new Procedure.Fee("Lệ phí cấp giấy phép xây dựng", 75_000, "")),
                Procedure.OnlineLevel.PARTIAL,
                true,
                false,
                true,
                false,
                0,
                List.of(
                        new Procedure.Component("Đơn đề nghị cấp giấy phép xây dựng", true, 1, false),
                        new Procedure.Component("Bản vẽ thiết kế xây dựng", false, 2, false)),
                List.of(new ReceivingUnit("11077", "298"), new ReceivingUnit("298", "298")),
                "2026-01-01");
    }

    public static ProcedureVersion version(
            String code,
            int version,
            PublicationState state,
            LocalDate publishedOn,
            LocalDate effectiveOn,
            List<Procedure.Component> components) {
        Procedure p = new Procedure(
                code,
                version,
                "Thủ tục " + code,
                "Hộ tịch",
                UnitLevel.COMMUNE,
                new TimeLimit(5, TimeLimitUnit.WORKING_DAYS),
                List.of(),
                Procedure.OnlineLevel.NONE,
                false,
                false,
                false,
                0,
                components);
        return new ProcedureVersion(
                p,
                state,
                publishedOn == null ? null : "QĐ " + code,
                publishedOn,
                effectiveOn,
                true,
                List.of(new ReceivingUnit("11077", "11077")));
    }

    public static List<Procedure.Component> oneComponent() {
        return List.of(new Procedure.Component("Tờ khai", true, 1, false));
    }
}
