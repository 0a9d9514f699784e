package vn.motcua.report.ii06a.domain;

/** Test fixtures: II.06a rows that satisfy every identity, from the few figures that determine them. */
public final class Rows {

    private Rows() {}

    /**
     * @param online, direct   received in the period (direct includes postal)
     * @param carried          open at the start
     * @param early, onTime, late resolved in the period
     * @param overdue          open at the end and past due; the rest of what is open is within due
     */
    public static II06aCounts row(
            long online, long direct, long carried, long early, long onTime, long late, long overdue) {
        long total = online + direct + carried;
        long resolved = early + onTime + late;
        long inProgress = total - resolved;
        return new II06aCounts(
                total,
                online,
                direct,
                carried,
                resolved,
                early,
                onTime,
                late,
                inProgress,
                inProgress - overdue,
                overdue,
                0,
                0,
                0,
                late,
                0,
                0);
    }
}
