package vn.motcua.report.ii06a.domain;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a report's rows from per-unit or per-field counts. Every roll-up is a sum of counts (domain.md 7.2: never of
 * ratios), so a district's row is exactly its communes' rows plus its own dossiers.
 */
public final class II06aRollUp {

    /** Rows as printed and the total they add up to. */
    public record Rows(List<II06aRow> rows, II06aCounts total) {}

    private II06aRollUp() {}

    /**
     * UNIT grouping: one row per unit for its own dossiers, in the tree's order, preceded (like a heading) by a
     * subtotal row for every unit below the root that has children; the root's subtree total is the report's total.
     *
     * @param tree the root first, then its descendants parents-first; a unit whose parent is not in the tree hangs
     *             under the root (as {@code UnitTreeRepository.subtree} orders them)
     * @param own  each unit's own counts; a unit missing here had no dossiers
     * @throws IllegalStateException when {@code own} holds a unit outside the tree (its dossiers would be lost)
     */
    public static Rows byUnit(List<ReportUnit> tree, Map<String, II06aCounts> own) {
        if (tree.isEmpty()) {
            throw new IllegalArgumentException("the tree needs its root");
        }
        ReportUnit root = tree.get(0);
        Map<String, ReportUnit> byCode = new LinkedHashMap<>();
        tree.forEach(u -> byCode.put(u.code(), u));
        for (String unit : own.keySet()) {
            if (!byCode.containsKey(unit)) {
                throw new IllegalStateException(
                        "counts of unit " + unit + " outside the report's tree of " + root.code());
            }
        }
        Map<String, List<ReportUnit>> children = new HashMap<>();
        for (ReportUnit u : tree) {
            if (!u.code().equals(root.code())) {
                children.computeIfAbsent(parentWithin(u, byCode.keySet(), root.code()), k -> new ArrayList<>())
                        .add(u);
            }
        }
        Map<String, II06aCounts> subtree = new HashMap<>();
        II06aCounts total = subtreeTotal(root.code(), own, children, subtree);
        List<II06aRow> rows = new ArrayList<>();
        visit(root.atDepth(0, null), root.code(), own, children, subtree, rows);
        long printed = rows.stream().filter(r -> !r.subtotal()).count();
        if (printed != byCode.size()) {
            // parent links that loop away from the root: those units' dossiers would vanish from the total
            throw new IllegalStateException("unit tree of " + root.code() + " has " + byCode.size() + " units but only "
                    + printed + " are reachable from its root");
        }
        return new Rows(rows, total);
    }

    /** Depth-first from the root, so depths and order follow the same parent links the subtotals use. */
    private static void visit(
            ReportUnit unit,
            String root,
            Map<String, II06aCounts> own,
            Map<String, List<ReportUnit>> children,
            Map<String, II06aCounts> subtree,
            List<II06aRow> rows) {
        List<ReportUnit> below = children.getOrDefault(unit.code(), List.of());
        if (!unit.code().equals(root) && !below.isEmpty()) {
            rows.add(II06aRow.subtotalOf(unit, subtree.get(unit.code())));
        }
        int number = rows.isEmpty() ? 1 : lastNumber(rows) + 1;
        rows.add(II06aRow.ofUnit(number, unit, own.getOrDefault(unit.code(), II06aCounts.ZERO)));
        for (ReportUnit child : below) {
            visit(child.atDepth(unit.depth() + 1, unit.code()), root, own, children, subtree, rows);
        }
    }

    /**
     * FIELD grouping: one row per field with any figure, by Vietnamese name, "Khác" ('') last; the total covers every
     * field.
     */
    public static Rows byField(Map<String, II06aCounts> byField) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        Comparator<String> order = Comparator.<String, Boolean>comparing(String::isEmpty)
                .thenComparing(vietnamese::compare)
                .thenComparing(Comparator.naturalOrder());
        List<String> fields = byField.keySet().stream().sorted(order).toList();
        List<II06aRow> rows = new ArrayList<>();
        II06aCounts total = II06aCounts.ZERO;
        int number = 0;
        for (String field : fields) {
            II06aCounts counts = byField.get(field);
            total = total.plus(counts);
            if (!counts.equals(II06aCounts.ZERO)) {
                rows.add(II06aRow.ofField(++number, field, counts));
            }
        }
        return new Rows(rows, total);
    }

    /**
     * A parent's consolidation (domain.md 7.2): its own dossiers' row, then each submitted child's frozen rows one
     * level deeper, a child that has children of its own headed by its frozen total as a subtotal row. The layout is
     * the UNIT grouping's, so a consolidation and a live report of the same tree line up row by row.
     *
     * @param children the children's submitted reports (UNIT grouping), in the order to print them
     */
    public static Rows consolidate(ReportUnit root, II06aCounts own, List<II06aReport> children) {
        List<II06aRow> rows = new ArrayList<>();
        int number = 0;
        rows.add(II06aRow.ofUnit(++number, root.atDepth(0, null), own));
        II06aCounts total = own;
        for (II06aReport child : children) {
            if (child.grouping() != II06aGrouping.UNIT) {
                throw new IllegalArgumentException("a consolidation adds UNIT reports, not " + child.grouping());
            }
            ReportUnit childUnit = child.unit();
            boolean hasChildren = child.rows().stream()
                    .anyMatch(r -> r.unit() != null && !r.unit().code().equals(childUnit.code()));
            if (hasChildren) {
                rows.add(II06aRow.subtotalOf(childUnit.atDepth(1, root.code()), child.total()));
            }
            for (II06aRow row : child.rows()) {
                ReportUnit u = row.unit();
                ReportUnit shifted = u.code().equals(childUnit.code())
                        ? u.atDepth(1, root.code())
                        : u.atDepth(u.depth() + 1, u.parentCode());
                rows.add(row.renumbered(row.subtotal() ? 0 : ++number, shifted));
            }
            total = total.plus(child.total());
        }
        return new Rows(rows, total);
    }

    /**
     * The report's total is the sum of its non-subtotal rows (each dossier is in exactly one of them), and in a UNIT
     * report each subtotal is the sum of the rows of its subtree: a stored or computed report that disagrees is
     * corrupt.
     *
     * @throws IllegalStateException naming the row that does not add up
     */
    public static void checkTotals(II06aReport report) {
        II06aCounts sum = II06aCounts.ZERO;
        for (II06aRow row : report.rows()) {
            if (!row.subtotal()) {
                sum = sum.plus(row.counts());
            }
        }
        if (!sum.equals(report.total())) {
            throw new IllegalStateException("II.06a total does not add up: rows " + sum + " total " + report.total());
        }
        List<II06aRow> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            II06aRow row = rows.get(i);
            if (!row.subtotal()) {
                continue;
            }
            // a subtotal heads its unit's own row and every deeper row that follows, up to the next row as shallow
            II06aCounts subtreeSum = II06aCounts.ZERO;
            int depth = row.unit().depth();
            for (int j = i + 1; j < rows.size(); j++) {
                II06aRow next = rows.get(j);
                boolean ownRow = next.unit().code().equals(row.unit().code()) && !next.subtotal();
                if (!ownRow && next.unit().depth() <= depth) {
                    break;
                }
                if (!next.subtotal()) {
                    subtreeSum = subtreeSum.plus(next.counts());
                }
            }
            if (!subtreeSum.equals(row.counts())) {
                throw new IllegalStateException("II.06a subtotal " + row.rowKey() + " does not add up: rows "
                        + subtreeSum + " subtotal " + row.counts());
            }
        }
    }

    private static int lastNumber(List<II06aRow> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).subtotal()) {
                return rows.get(i).rowNumber();
            }
        }
        return 0;
    }

    private static II06aCounts subtreeTotal(
            String unit,
            Map<String, II06aCounts> own,
            Map<String, List<ReportUnit>> children,
            Map<String, II06aCounts> subtree) {
        II06aCounts sum = own.getOrDefault(unit, II06aCounts.ZERO);
        for (ReportUnit child : children.getOrDefault(unit, List.of())) {
            sum = sum.plus(subtreeTotal(child.code(), own, children, subtree));
        }
        subtree.put(unit, sum);
        return sum;
    }

    private static String parentWithin(ReportUnit unit, Set<String> codes, String root) {
        String parent = unit.parentCode();
        return parent != null && codes.contains(parent) && !parent.equals(unit.code()) ? parent : root;
    }
}
