package vn.motcua.dossier.calendar;

/** Progress of a dossier still in processing, for dashboards and warnings. */
public enum DeadlineState {
    /** More than one working day left. */
    IN_TIME,
    /** At most one working day left, due moment not yet passed. */
    NEAR_DUE,
    /** The due moment has passed. */
    OVERDUE
}
