package vn.motcua.report.ii06a.domain;

/** How the rows of a report are cut: per unit of the subtree (with subtotals), or per field over the subtree. */
public enum II06aGrouping {
    UNIT,
    FIELD
}
