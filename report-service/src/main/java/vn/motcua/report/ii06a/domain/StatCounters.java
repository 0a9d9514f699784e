package vn.motcua.report.ii06a.domain;

/**
 * The II.06a counters of stat_day / stat_month (V2), summed over some rows: either a period's flows or a prefix (every
 * row before an instant). Plain numbers: what they mean is in V2's comments; {@link II06aCounts#between} turns two
 * prefixes into the form's columns.
 */
public record StatCounters(
        long receivedOnline,
        long receivedCounter,
        long receivedPostal,
        long receivedBoundaryFree,
        long resolvedEarly,
        long resolvedOnTime,
        long resolvedLate,
        long resolvedLateWithApology,
        long withdrawn,
        long refused,
        long dueCount,
        long closedDueCount) {

    public static final StatCounters ZERO = new StatCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Received through any channel (the three channels partition the received dossiers). */
    public long received() {
        return receivedOnline + receivedCounter + receivedPostal;
    }

    /** Resolved in any way: withdrawn, stopped, refused and rejected dossiers are classified early / on time / late. */
    public long resolved() {
        return resolvedEarly + resolvedOnTime + resolvedLate;
    }

    /** Open at the instant this prefix ends: received before it and not resolved before it. */
    public long open() {
        return received() - resolved();
    }

    /** Open and past due at the instant this prefix ends (V2: due_count less closed_due_count). */
    public long openOverdue() {
        return dueCount - closedDueCount;
    }

    public StatCounters plus(StatCounters o) {
        return new StatCounters(
                Math.addExact(receivedOnline, o.receivedOnline),
                Math.addExact(receivedCounter, o.receivedCounter),
                Math.addExact(receivedPostal, o.receivedPostal),
                Math.addExact(receivedBoundaryFree, o.receivedBoundaryFree),
                Math.addExact(resolvedEarly, o.resolvedEarly),
                Math.addExact(resolvedOnTime, o.resolvedOnTime),
                Math.addExact(resolvedLate, o.resolvedLate),
                Math.addExact(resolvedLateWithApology, o.resolvedLateWithApology),
                Math.addExact(withdrawn, o.withdrawn),
                Math.addExact(refused, o.refused),
                Math.addExact(dueCount, o.dueCount),
                Math.addExact(closedDueCount, o.closedDueCount));
    }

    public StatCounters minus(StatCounters o) {
        return new StatCounters(
                Math.subtractExact(receivedOnline, o.receivedOnline),
                Math.subtractExact(receivedCounter, o.receivedCounter),
                Math.subtractExact(receivedPostal, o.receivedPostal),
                Math.subtractExact(receivedBoundaryFree, o.receivedBoundaryFree),
                Math.subtractExact(resolvedEarly, o.resolvedEarly),
                Math.subtractExact(resolvedOnTime, o.resolvedOnTime),
                Math.subtractExact(resolvedLate, o.resolvedLate),
                Math.subtractExact(resolvedLateWithApology, o.resolvedLateWithApology),
                Math.subtractExact(withdrawn, o.withdrawn),
                Math.subtractExact(refused, o.refused),
                Math.subtractExact(dueCount, o.dueCount),
                Math.subtractExact(closedDueCount, o.closedDueCount));
    }
}
