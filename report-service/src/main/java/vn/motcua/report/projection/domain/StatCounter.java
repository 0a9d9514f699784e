package vn.motcua.report.projection.domain;

/** The counters of stat_day and stat_month, in column order (V2 defines each). */
public enum StatCounter {
    RECEIVED_ONLINE("received_online"),
    RECEIVED_COUNTER("received_counter"),
    RECEIVED_POSTAL("received_postal"),
    RECEIVED_BOUNDARY_FREE("received_boundary_free"),
    RESOLVED_EARLY("resolved_early"),
    RESOLVED_ON_TIME("resolved_on_time"),
    RESOLVED_LATE("resolved_late"),
    RESOLVED_LATE_WITH_APOLOGY("resolved_late_with_apology"),
    WITHDRAWN("withdrawn"),
    REFUSED("refused"),
    RESOLVED_ON_TIME_766("resolved_on_time_766"),
    DUE_COUNT("due_count"),
    CLOSED_DUE_COUNT("closed_due_count");

    public static final int SIZE = values().length;

    private final String column;

    StatCounter(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
