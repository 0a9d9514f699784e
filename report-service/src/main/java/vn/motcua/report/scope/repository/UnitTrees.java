package vn.motcua.report.scope.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.report.scope.service.UnitNode;

/** Orders a subtree's units depth-first from its root (parents before children, siblings by code). */
final class UnitTrees {

    private UnitTrees() {}

    /**
     * @param rows units with their absolute depth (number of ancestors, itself included) in {@code depth}
     */
    static List<UnitNode> orderFrom(String rootCode, List<UnitNode> rows) {
        Map<String, UnitNode> byCode = new HashMap<>();
        rows.forEach(r -> byCode.put(r.code(), r));
        UnitNode root = byCode.get(rootCode);
        if (root == null) {
            return List.of();
        }
        Map<String, List<UnitNode>> children = new HashMap<>();
        for (UnitNode r : rows) {
            if (!r.code().equals(rootCode)) {
                children.computeIfAbsent(parentWithin(r, byCode, rootCode), k -> new ArrayList<>())
                        .add(r);
            }
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(UnitNode::code)));
        List<UnitNode> ordered = new ArrayList<>();
        visit(root, root.depth(), children, ordered);
        return ordered;
    }

    /** unit_dim's parent; the root when the parent is not in the subtree (the projection always records one). */
    private static String parentWithin(UnitNode unit, Map<String, UnitNode> byCode, String rootCode) {
        return unit.parent() != null && byCode.containsKey(unit.parent()) ? unit.parent() : rootCode;
    }

    private static void visit(
            UnitNode unit, int rootDepth, Map<String, List<UnitNode>> children, List<UnitNode> ordered) {
        ordered.add(new UnitNode(unit.code(), unit.name(), unit.level(), unit.parent(), unit.depth() - rootDepth));
        for (UnitNode child : children.getOrDefault(unit.code(), List.of())) {
            visit(child, rootDepth, children, ordered);
        }
    }
}
