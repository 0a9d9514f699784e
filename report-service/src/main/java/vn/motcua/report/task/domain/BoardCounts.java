package vn.motcua.report.task.domain;

/**
 * Assignments by timeliness, and how many of them are silent (silent ones are also PENDING or MISSING: the count
 * overlaps on purpose, it answers "who has not even started").
 */
public record BoardCounts(int onTime, int late, int missing, int pending, int silent) {

    public static final BoardCounts ZERO = new BoardCounts(0, 0, 0, 0, 0);

    public BoardCounts plus(Timeliness t, boolean isSilent) {
        return new BoardCounts(
                onTime + (t == Timeliness.ON_TIME ? 1 : 0),
                late + (t == Timeliness.LATE ? 1 : 0),
                missing + (t == Timeliness.MISSING ? 1 : 0),
                pending + (t == Timeliness.PENDING ? 1 : 0),
                silent + (isSilent ? 1 : 0));
    }

    public BoardCounts plus(BoardCounts o) {
        return new BoardCounts(
                onTime + o.onTime, late + o.late, missing + o.missing, pending + o.pending, silent + o.silent);
    }

    /** on_time / (on_time + late + missing) in per mille, rounded half up; -1 when nothing fell due. */
    public int onTimePerMille() {
        int due = onTime + late + missing;
        if (due == 0) {
            return -1;
        }
        return (int) ((onTime * 2000L + due) / (2L * due));
    }
}
