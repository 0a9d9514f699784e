package vn.motcua.report.indicator.domain;

/**
 * Every count the formulas read, for one set of units (a unit alone or its subtree) and one period.
 *
 * @param fullOnline              the flags of procedures offered fully online (3a.1)
 * @param feeProcedures           distinct procedures with a financial obligation in the period (B and C)
 * @param feeProceduresPaidOnline of those, with at least one dossier paid online (B)
 */
public record IndicatorFigures(
        StatCounts stat,
        FlagCounts flags,
        FlagCounts fullOnline,
        long feeProcedures,
        long feeProceduresPaidOnline,
        CommuneCounts communes,
        FeedbackCounts feedback) {}
