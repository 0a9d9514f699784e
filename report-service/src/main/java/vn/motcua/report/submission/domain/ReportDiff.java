package vn.motcua.report.submission.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.report.ii06a.domain.II06aColumn;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRow;

/**
 * What a correction changed: every (row, column) whose figure differs between version n and n+1, rows lined up by
 * their key so a re-ordered or re-numbered report shows no false changes. A row present on one side only counts as
 * zeros on the other. Order: the new version's rows as printed, then rows it dropped, then the total; columns in form
 * order.
 */
public final class ReportDiff {

    private ReportDiff() {}

    public static List<DiffEntry> between(II06aReport before, II06aReport after) {
        Map<String, II06aCounts> old = rowsByKey(before);
        Map<String, II06aCounts> now = rowsByKey(after);
        List<String> keys = new ArrayList<>(now.keySet());
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(keys::add);
        List<DiffEntry> diff = new ArrayList<>();
        for (String key : keys) {
            add(diff, key, old.getOrDefault(key, II06aCounts.ZERO), now.getOrDefault(key, II06aCounts.ZERO));
        }
        add(diff, II06aRow.TOTAL_KEY, before.total(), after.total());
        return diff;
    }

    private static void add(List<DiffEntry> diff, String key, II06aCounts before, II06aCounts after) {
        for (II06aColumn column : II06aColumn.values()) {
            long b = column.of(before);
            long a = column.of(after);
            if (a != b) {
                diff.add(new DiffEntry(key, column.key(), b, a));
            }
        }
    }

    private static Map<String, II06aCounts> rowsByKey(II06aReport report) {
        Map<String, II06aCounts> rows = new LinkedHashMap<>();
        for (II06aRow row : report.rows()) {
            rows.put(row.rowKey(), row.counts());
        }
        return rows;
    }
}
