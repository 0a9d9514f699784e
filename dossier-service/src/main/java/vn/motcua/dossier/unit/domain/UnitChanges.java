package vn.motcua.dossier.unit.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The rules a unit change must meet against the current tree. Units are history: a code or agency code is never
 * reused (old dossiers carry them), a closed unit gets no new children, and a unit ends only after its children.
 */
public final class UnitChanges {

    private UnitChanges() {}

    /** The unit to insert, or the reason it cannot exist. The parent must exist (checked before scope). */
    public static AdminUnit placeNew(UnitTree tree, NewUnitSpec spec, LocalDate validFrom, String field) {
        if (spec.code().equals(spec.parentCode())) {
            // the only cycle a new unit can make: a unit cannot be its own ancestor
            throw DomainException.invalid(field + ".parent_code", "a unit cannot be its own parent");
        }
        AdminUnit parent = tree.find(spec.parentCode())
                .orElseThrow(
                        () -> DomainException.invalid(field + ".parent_code", "unknown unit " + spec.parentCode()));
        if (tree.find(spec.code()).isPresent()) {
            throw taken("UNIT_CODE_TAKEN", "unit code " + spec.code() + " is already used (codes are never reused)");
        }
        if (tree.all().stream().anyMatch(u -> u.agencyCode().equals(spec.agencyCode()))) {
            throw taken("AGENCY_CODE_TAKEN", "agency code " + spec.agencyCode() + " is already used");
        }
        if (spec.level().ordinal() <= parent.level().ordinal()) {
            throw DomainException.invalid(
                    field + ".level",
                    "a " + spec.level() + " cannot be placed below the " + parent.level() + " " + parent.code());
        }
        if (parent.closed()) {
            throw DomainException.ruleViolated(
                    "PARENT_CLOSED",
                    "unit " + parent.code() + " (" + parent.name() + ") is closed since "
                            + parent.validTo().plusDays(1) + "; it takes no new units");
        }
        if (validFrom.isBefore(parent.validFrom())) {
            throw DomainException.invalid("valid_from", "is before the parent's start " + parent.validFrom());
        }
        return new AdminUnit(
                spec.code(), spec.name(), spec.level(), parent.code(), spec.agencyCode(), validFrom, null, null);
    }

    /**
     * A unit may end on {@code lastDay}: it is open, started before, has no open unit below it, and the day is not
     * in the past beyond yesterday (dossiers received there since must keep an open unit).
     */
    public static void requireClosable(
            UnitTree tree, AdminUnit unit, LocalDate lastDay, LocalDate today, String field) {
        if (unit.parentCode() == null) {
            throw DomainException.ruleViolated("ROOT_UNIT", "unit " + unit.code() + " is a root unit; it cannot end");
        }
        if (unit.closed()) {
            throw DomainException.ruleViolated(
                    "UNIT_CLOSED", "unit " + unit.code() + " is already closed (last day " + unit.validTo() + ")");
        }
        if (lastDay.isBefore(unit.validFrom())) {
            throw DomainException.invalid(field, "is before the unit's start " + unit.validFrom());
        }
        if (lastDay.isBefore(today.minusDays(1))) {
            throw DomainException.invalid(field, "must not be before yesterday (" + today.minusDays(1) + ")");
        }
        List<String> open = tree.children(unit.code()).stream()
                .filter(c -> c.validTo() == null || c.validTo().isAfter(lastDay))
                .map(AdminUnit::code)
                .sorted()
                .toList();
        if (!open.isEmpty()) {
            throw new DomainException(
                    ErrorKind.FAILED_PRECONDITION,
                    ErrorReason.RULE_VIOLATED,
                    "unit " + unit.code() + " still has open units below it: " + String.join(", ", open)
                            + "; close or merge them first",
                    Map.of("rule", "UNIT_HAS_OPEN_CHILDREN"),
                    List.of());
        }
    }

    /**
     * Refuses work at a unit that is not open on {@code day}: FAILED_PRECONDITION / RULE_VIOLATED with rule
     * UNIT_CLOSED (or UNIT_NOT_YET_OPEN), naming the successor where there is one.
     */
    public static void requireOpenOn(UnitTree tree, AdminUnit unit, LocalDate day) {
        if (unit.activeOn(day)) {
            return;
        }
        if (day.isBefore(unit.validFrom())) {
            throw DomainException.ruleViolated(
                    "UNIT_NOT_YET_OPEN", "unit " + unit.code() + " (" + unit.name() + ") opens on " + unit.validFrom());
        }
        String successor = unit.successorCode() == null
                ? ""
                : tree.find(unit.successorCode())
                        .map(s ->
                                "; it was merged into " + s.code() + " (" + s.name() + "), which receives from now on")
                        .orElse("; it was merged into " + unit.successorCode());
        Map<String, String> metadata = unit.successorCode() == null
                ? Map.of("rule", "UNIT_CLOSED")
                : Map.of("rule", "UNIT_CLOSED", "successor_code", unit.successorCode());
        throw new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.RULE_VIOLATED,
                "unit " + unit.code() + " (" + unit.name() + ") is closed since "
                        + unit.validTo().plusDays(1) + successor,
                metadata,
                List.of());
    }

    /** How many units one merger may close; the 2025 reform merged a handful of communes into one. */
    public static final int MAX_SOURCES = 50;

    /** Merged units must be distinct, at least two and at most {@link #MAX_SOURCES}. */
    public static void requireMergeable(Collection<String> sourceCodes, AdminInput in) {
        if (sourceCodes.size() < 2) {
            in.add("source_codes", "a merger needs at least two units");
        } else if (sourceCodes.size() > MAX_SOURCES) {
            in.add("source_codes", "at most " + MAX_SOURCES + " units");
        } else if (sourceCodes.stream().distinct().count() != sourceCodes.size()) {
            in.add("source_codes", "lists a unit twice");
        }
    }

    private static DomainException taken(String rule, String message) {
        return new DomainException(
                ErrorKind.ALREADY_EXISTS, ErrorReason.RULE_VIOLATED, message, Map.of("rule", rule), List.of());
    }
}
