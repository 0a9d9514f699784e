package vn.motcua.report.ii06a.domain;

/**
 * One row's figures: the columns of domain.md 7.1 (numbers in brackets) and the optional local columns. Roll-ups add
 * these counts; a ratio is never stored, so nothing averaged can creep into a total.
 */
public record II06aCounts(
        long total,
        long receivedOnline,
        long receivedDirectOrPostal,
        long carriedOver,
        long resolved,
        long resolvedEarly,
        long resolvedOnTime,
        long resolvedLate,
        long inProgress,
        long inProgressWithinDue,
        long inProgressOverdue,
        long receivedPostal,
        long receivedBoundaryFree,
        long resolvedLateWithApology,
        long resolvedLateWithoutApology,
        long withdrawn,
        long refused) {

    public static final II06aCounts ZERO = new II06aCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The columns for the window [start, end) from the counter prefixes at its two ends (brief: "open at T" = received
     * before T less resolved before T; "open and overdue at T" = due_count before T less closed_due_count before T).
     * Flows are the difference of the prefixes; (6) is what was open at the start and (11) what is open at the end.
     */
    public static II06aCounts between(StatCounters start, StatCounters end) {
        return between(start, end, end);
    }

    /**
     * As {@link #between(StatCounters, StatCounters)}, with (12) / (13) split as of an earlier instant than the
     * window's end: a period not yet over is split as of today (domain.md 6.3: "now / periodEnd <= due"), since
     * what is open now is what will be open at its end only if nothing happens meanwhile.
     *
     * @param overdueAt the prefix at the instant the open dossiers are judged overdue, at most {@code end}
     */
    public static II06aCounts between(StatCounters start, StatCounters end, StatCounters overdueAt) {
        StatCounters flow = end.minus(start);
        long online = flow.receivedOnline();
        long directOrPostal = Math.addExact(flow.receivedCounter(), flow.receivedPostal());
        long carried = start.open();
        long inProgress = end.open();
        long overdue = overdueAt.openOverdue();
        return new II06aCounts(
                Math.addExact(Math.addExact(online, directOrPostal), carried),
                online,
                directOrPostal,
                carried,
                flow.resolved(),
                flow.resolvedEarly(),
                flow.resolvedOnTime(),
                flow.resolvedLate(),
                inProgress,
                Math.subtractExact(inProgress, overdue),
                overdue,
                flow.receivedPostal(),
                flow.receivedBoundaryFree(),
                flow.resolvedLateWithApology(),
                Math.subtractExact(flow.resolvedLate(), flow.resolvedLateWithApology()),
                flow.withdrawn(),
                flow.refused());
    }

    /** Column by column; overflow fails rather than wrapping into a plausible-looking figure. */
    public II06aCounts plus(II06aCounts o) {
        return new II06aCounts(
                Math.addExact(total, o.total),
                Math.addExact(receivedOnline, o.receivedOnline),
                Math.addExact(receivedDirectOrPostal, o.receivedDirectOrPostal),
                Math.addExact(carriedOver, o.carriedOver),
                Math.addExact(resolved, o.resolved),
                Math.addExact(resolvedEarly, o.resolvedEarly),
                Math.addExact(resolvedOnTime, o.resolvedOnTime),
                Math.addExact(resolvedLate, o.resolvedLate),
                Math.addExact(inProgress, o.inProgress),
                Math.addExact(inProgressWithinDue, o.inProgressWithinDue),
                Math.addExact(inProgressOverdue, o.inProgressOverdue),
                Math.addExact(receivedPostal, o.receivedPostal),
                Math.addExact(receivedBoundaryFree, o.receivedBoundaryFree),
                Math.addExact(resolvedLateWithApology, o.resolvedLateWithApology),
                Math.addExact(resolvedLateWithoutApology, o.resolvedLateWithoutApology),
                Math.addExact(withdrawn, o.withdrawn),
                Math.addExact(refused, o.refused));
    }

    public long get(II06aColumn column) {
        return column.of(this);
    }

    /** "total=3 received_online=1 ..." for logs and invariant failures. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (II06aColumn c : II06aColumn.values()) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(c.key()).append('=').append(c.of(this));
        }
        return s.toString();
    }
}
