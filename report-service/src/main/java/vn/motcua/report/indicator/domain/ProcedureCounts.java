package vn.motcua.report.indicator.domain;

/** One unit's i766_month sums for one procedure over a period. */
public record ProcedureCounts(String unitCode, String procedureCode, FlagCounts flags) {}
