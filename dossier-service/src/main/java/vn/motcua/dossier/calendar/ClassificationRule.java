package vn.motcua.dossier.calendar;

/**
 * How a finished dossier is split into early / on time / late for report II.06a. Under both
 * rules a finish after the due moment is LATE, so no rule ever calls on time what DVCQG
 * indicator 2.1 ({@code NgayKetThucXuLy <= NgayHenTra}) calls late.
 */
public enum ClassificationRule {
    /**
     * OpenCPS BetimeUtils: let S be the start of the half-day session covering the due moment.
     * Finish before S is EARLY, S &lt;= finish &lt;= due is ON_TIME, after due is LATE.
     */
    SESSION_RULE,
    /**
     * Finish after the due moment is LATE; otherwise a finish on an earlier local date than the
     * due date is EARLY, and a finish on the due date (at or before the due time) is ON_TIME.
     */
    DAY_GRANULARITY
}
