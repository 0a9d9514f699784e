package vn.motcua.report.indicator.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.report.scope.service.UnitNode;

/**
 * The unit sets of a subtree: the root's direct children as ReportScope lists them (relative depth 1) and each unit's
 * subtree from the closure (unit_ancestor), the same closure the counter reads join on, so a child's figures and the
 * root's are summed over exactly the units the database calls theirs.
 */
final class UnitSets {

    private final List<UnitNode> tree;
    private final Map<String, Set<String>> below;

    /**
     * @param tree  root first, as {@code ReportScope.readableSubtree} answers
     * @param below ancestor code to the units of its subtree (itself included)
     */
    UnitSets(List<UnitNode> tree, Map<String, Set<String>> below) {
        this.tree = List.copyOf(tree);
        this.below = Map.copyOf(below);
    }

    UnitNode root() {
        return tree.get(0);
    }

    List<UnitNode> directChildren() {
        return tree.stream().filter(u -> u.depth() == 1).toList();
    }

    /** The unit and everything below it (the unit alone when the closure does not know it). */
    Set<String> subtreeOf(String code) {
        Set<String> set = below.get(code);
        return set == null || set.isEmpty() ? Set.of(code) : set;
    }
}
