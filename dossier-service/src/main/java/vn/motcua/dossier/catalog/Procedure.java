package vn.motcua.dossier.catalog;

import java.util.List;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.unit.UnitLevel;

/** One published version of an administrative procedure (TTHC), keyed by its national code. */
public record Procedure(
        String code,
        int version,
        String name,
        String field,
        UnitLevel level,
        TimeLimit timeLimit,
        List<Fee> fees,
        OnlineLevel onlineLevel,
        boolean postalAllowed,
        boolean boundaryFreeAllowed,
        List<Component> components) {

    public Procedure {
        fees = List.copyOf(fees);
        components = List.copyOf(components);
    }

    /** A fee item in whole đồng. */
    public record Fee(String name, long amountDong) {}

    /** A dossier component (thành phần hồ sơ). */
    public record Component(String name, boolean originalRequired, int quantity, boolean presentOnly) {}

    public enum OnlineLevel {
        NONE,
        PARTIAL,
        FULL
    }
}
