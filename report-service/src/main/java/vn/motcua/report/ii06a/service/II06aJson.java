package vn.motcua.report.ii06a.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.report.ii06a.domain.II06aColumn;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRow;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * An II.06a report as canonical JSON ({@link CanonicalJson}): the frozen figures of a submission and the body of JSON
 * exports. Counts use the contract's column names (II06aCounts in report_service.proto). Reading checks that every
 * column is there, so a truncated or hand-edited snapshot fails instead of showing zeros.
 */
public final class II06aJson {

    private II06aJson() {}

    /**
     * @param withComputedAt false for exports: the figures, not the moment they were read, decide the content and etag
     */
    public static String write(II06aReport report, boolean withComputedAt) {
        return CanonicalJson.write(toTree(report, withComputedAt));
    }

    public static II06aReport read(String json) {
        Object tree = CanonicalJson.read(json);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("an II.06a report is a JSON object");
        }
        return fromTree(map);
    }

    public static Map<String, Object> toTree(II06aReport report, boolean withComputedAt) {
        Map<String, Object> tree = new HashMap<>();
        tree.put("unit", unit(report.unit()));
        tree.put("period", period(report.period()));
        tree.put("grouping", report.grouping().name());
        List<Object> rows = new ArrayList<>();
        for (II06aRow row : report.rows()) {
            Map<String, Object> r = new HashMap<>();
            r.put("rowNumber", row.rowNumber());
            r.put("subtotal", row.subtotal());
            r.put("unit", row.unit() == null ? null : unit(row.unit()));
            r.put("fieldCode", row.fieldCode());
            r.put("fieldName", row.fieldName());
            r.put("counts", counts(row.counts()));
            rows.add(r);
        }
        tree.put("rows", rows);
        tree.put("total", counts(report.total()));
        tree.put("timelinessRule", report.timelinessRule());
        if (withComputedAt && report.computedAt() != null) {
            tree.put("computedAt", report.computedAt().toString());
        }
        return tree;
    }

    public static Map<String, Object> counts(II06aCounts counts) {
        Map<String, Object> c = new HashMap<>();
        for (II06aColumn column : II06aColumn.values()) {
            c.put(column.key(), column.of(counts));
        }
        return c;
    }

    private static Map<String, Object> unit(ReportUnit unit) {
        Map<String, Object> u = new HashMap<>();
        u.put("code", unit.code());
        u.put("name", unit.name());
        u.put("level", unit.level());
        u.put("parentCode", unit.parentCode());
        u.put("depth", unit.depth());
        return u;
    }

    public static Map<String, Object> period(ResolvedPeriod period) {
        Map<String, Object> p = new HashMap<>();
        PeriodSpec spec = period.spec();
        p.put("kind", spec.kind().name());
        p.put("year", spec.year());
        p.put("number", spec.number());
        p.put("window", spec.window() == null ? null : spec.window().name());
        p.put("from", period.from().toString());
        p.put("to", period.to().toString());
        p.put("label", period.label());
        return p;
    }

    private static II06aReport fromTree(Map<?, ?> tree) {
        List<II06aRow> rows = new ArrayList<>();
        for (Object item : list(tree, "rows")) {
            Map<?, ?> r = (Map<?, ?>) item;
            Object unit = r.get("unit");
            rows.add(new II06aRow(
                    (int) number(r, "rowNumber"),
                    unit == null ? null : unitFrom((Map<?, ?>) unit),
                    (String) r.get("fieldCode"),
                    (String) r.get("fieldName"),
                    (Boolean) required(r, "subtotal"),
                    countsFrom(map(r, "counts"))));
        }
        Object computedAt = tree.get("computedAt");
        return new II06aReport(
                unitFrom(map(tree, "unit")),
                periodFrom(map(tree, "period")),
                II06aGrouping.valueOf((String) required(tree, "grouping")),
                rows,
                countsFrom(map(tree, "total")),
                (String) tree.get("timelinessRule"),
                computedAt == null ? null : Instant.parse((String) computedAt));
    }

    public static II06aCounts countsFrom(Map<?, ?> c) {
        long[] v = new long[II06aColumn.values().length];
        for (II06aColumn column : II06aColumn.values()) {
            v[column.ordinal()] = number(c, column.key());
        }
        return new II06aCounts(
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15],
                v[16]);
    }

    private static ReportUnit unitFrom(Map<?, ?> u) {
        return new ReportUnit(
                (String) required(u, "code"),
                (String) u.get("name"),
                (int) number(u, "level"),
                (String) u.get("parentCode"),
                (int) number(u, "depth"));
    }

    public static ResolvedPeriod periodFrom(Map<?, ?> p) {
        PeriodKind kind = PeriodKind.valueOf((String) required(p, "kind"));
        LocalDate from = LocalDate.parse((String) required(p, "from"));
        LocalDate to = LocalDate.parse((String) required(p, "to"));
        Object window = p.get("window");
        PeriodSpec spec = new PeriodSpec(
                kind,
                (int) number(p, "year"),
                (int) number(p, "number"),
                kind == PeriodKind.RANGE ? from : null,
                kind == PeriodKind.RANGE ? to : null,
                window == null ? null : PeriodWindow.valueOf((String) window));
        return new ResolvedPeriod(spec, from, to, (String) required(p, "label"));
    }

    private static Object required(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("II.06a JSON lacks '" + key + "'");
        }
        return v;
    }

    private static long number(Map<?, ?> m, String key) {
        Object v = required(m, key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("II.06a JSON '" + key + "' is not an integer");
        }
        return l;
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        return (Map<?, ?>) required(m, key);
    }

    private static List<?> list(Map<?, ?> m, String key) {
        return (List<?>) required(m, key);
    }
}
