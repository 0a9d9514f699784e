package vn.motcua.dossier.unit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The unit hierarchy as a value: subtree and ancestry questions without more database round trips. */
public final class UnitTree {

    private final Map<String, AdminUnit> byCode;
    private final Map<String, List<AdminUnit>> children;

    public UnitTree(Collection<AdminUnit> units) {
        this.byCode = units.stream().collect(Collectors.toUnmodifiableMap(AdminUnit::code, Function.identity()));
        this.children = units.stream()
                .filter(u -> u.parentCode() != null)
                .collect(Collectors.groupingBy(AdminUnit::parentCode));
    }

    public Optional<AdminUnit> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The unit and every unit below it; empty when the unit is unknown. */
    public Set<String> subtreeCodes(String code) {
        Set<String> result = new LinkedHashSet<>();
        if (code == null || !byCode.containsKey(code)) {
            return result;
        }
        Deque<String> todo = new ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (result.add(next)) {
                children.getOrDefault(next, List.of()).forEach(c -> todo.push(c.code()));
            }
        }
        return result;
    }

    /** The units directly below, closed ones included. */
    public List<AdminUnit> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    public List<AdminUnit> subtree(String code) {
        return subtreeCodes(code).stream().map(byCode::get).toList();
    }

    /** Codes from the root down to the unit itself, e.g. [30, 298, 11077]. */
    public List<String> path(String code) {
        List<String> path = new ArrayList<>();
        AdminUnit unit = byCode.get(code);
        while (unit != null && path.size() < 16) {
            path.add(0, unit.code());
            unit = unit.parentCode() == null ? null : byCode.get(unit.parentCode());
        }
        return path;
    }

    public List<AdminUnit> all() {
        return byCode.values().stream()
                .sorted(java.util.Comparator.comparing(AdminUnit::code))
                .toList();
    }
}
