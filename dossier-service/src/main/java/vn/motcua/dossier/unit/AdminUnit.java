package vn.motcua.dossier.unit;

import java.time.LocalDate;

/**
 * An administrative unit. The hierarchy is data (province → district → commune before 2025, province → commune
 * after), so levels may be skipped and units may end (validTo) without rewriting old dossiers.
 *
 * @param code       statistics-office code, the unit's identity and the token's unit_code
 * @param agencyCode identifier used inside dossier codes (QCVN 102:2016 shape), a separate code system
 * @param validTo    the unit's last day, null while it is open
 * @param successorCode the unit that took over after a merger, null otherwise
 */
public record AdminUnit(
        String code,
        String name,
        UnitLevel level,
        String parentCode,
        String agencyCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successorCode) {

    public AdminUnit(
            String code,
            String name,
            UnitLevel level,
            String parentCode,
            String agencyCode,
            LocalDate validFrom,
            LocalDate validTo) {
        this(code, name, level, parentCode, agencyCode, validFrom, validTo, null);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean closed() {
        return validTo != null;
    }
}
