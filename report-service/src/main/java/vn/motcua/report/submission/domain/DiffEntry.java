package vn.motcua.report.submission.domain;

/**
 * One changed figure between two versions.
 *
 * @param rowKey a row's key (II06aRow.rowKey: "11077", "298:subtotal", "total")
 * @param column the contract's column name, e.g. "resolved_late"
 */
public record DiffEntry(String rowKey, String column, long before, long after) {}
