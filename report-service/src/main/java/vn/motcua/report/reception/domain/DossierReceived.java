package vn.motcua.report.reception.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of a reception that the projection needs.
 *
 * @param dossierCode       dossier number, kept for log messages
 * @param receivingUnitCode the unit whose one-stop desk received it: the unit the reception counts for
 * @param unitPath          the receiving unit's ancestry, root first (province, [district,] commune)
 * @param receivedAt        when it was received (UTC)
 */
public record DossierReceived(String dossierCode, String receivingUnitCode, List<String> unitPath, Instant receivedAt) {

    public DossierReceived {
        if (receivingUnitCode == null || receivingUnitCode.isBlank()) {
            throw new IllegalArgumentException("receivingUnitCode is missing");
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        unitPath = unitPath == null ? List.of() : List.copyOf(unitPath);
        if (unitPath.stream().anyMatch(code -> code == null || code.isBlank())) {
            throw new IllegalArgumentException("unitPath has a blank element");
        }
    }

    public LocalDate localDate() {
        return LocalDates.of(receivedAt);
    }

    /**
     * Every unit the reception rolls up to, the receiving unit included even if the producer's path leaves it out:
     * the subtree query joins on this, so a unit must always be its own ancestor.
     */
    public Set<String> ancestry() {
        Set<String> ancestry = new LinkedHashSet<>(unitPath);
        ancestry.add(receivingUnitCode);
        return ancestry;
    }
}
