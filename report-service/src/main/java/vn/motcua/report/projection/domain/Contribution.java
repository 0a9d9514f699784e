package vn.motcua.report.projection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.motcua.report.reception.domain.LocalDates;

/**
 * What one dossier adds to the counter tables: stat_day rows of its statistics unit and field (the days it was
 * received, resolved, due, and left the overdue set), the stat_month rows those days fall in, and one i766_month row
 * of its unit, procedure and month of reception. A pure function of the dossier's combined state (fact, links,
 * procedure), never of the order its parts arrived in; dossier_fact.counted stores it so that the next change
 * subtracts exactly this.
 *
 * @param days           stat_day vectors by local day, indexed by {@link StatCounter}
 * @param receptionMonth yyyymm of the local day of reception (0 for {@link #NONE})
 * @param i766           the i766_month vector, indexed by {@link I766Counter} (null for {@link #NONE})
 */
public record Contribution(
        String unitCode,
        String fieldCode,
        String procedureCode,
        SortedMap<LocalDate, long[]> days,
        int receptionMonth,
        long[] i766) {

    /** A dossier not received (yet) counts nowhere. */
    public static final Contribution NONE = new Contribution(null, null, null, new TreeMap<>(), 0, null);

    public Contribution {
        days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
    }

    public boolean isNone() {
        return unitCode == null;
    }

    /**
     * The counters of one dossier. Received dossiers only (domain rule: only received dossiers count anywhere):
     * <ul>
     *   <li>day of reception: received by channel (ONLINE, POSTAL, anything else at the counter), boundary-free</li>
     *   <li>day it ended, when resolved: early / on time / late (II.06a, {@link DossierTimeliness#ii06a}), late with
     *       an apology (late and an extension used), withdrawn (WITHDRAWN or STOPPED: ended at the applicant's
     *       request), refused (REFUSED or REJECTED), on time by 766 indicator 2.1</li>
     *   <li>day of due_at (the appointment in force): due_count, when it has a due; day of max(due_at, end), when it
     *       has a due and is resolved: closed_due_count. So "open and past due at T" = due_count before T less
     *       closed_due_count before T.</li>
     *   <li>i766_month of the month of reception: see {@link I766Counter} and V2's comments</li>
     * </ul>
     */
    public static Contribution of(
            DossierFact f, DossierLinks links, ProcedureInfo procedure, ProjectionSettings settings) {
        if (!DossierTimeliness.received(f)) {
            return NONE;
        }
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        LocalDate receivedDay = LocalDates.of(f.receivedAt());
        String channel = f.channel() == null ? "" : f.channel();
        StatCounter byChannel = switch (channel) {
            case "ONLINE" -> StatCounter.RECEIVED_ONLINE;
            case "POSTAL" -> StatCounter.RECEIVED_POSTAL;
            default -> StatCounter.RECEIVED_COUNTER;
        };
        inc(days, receivedDay, byChannel);
        if (f.boundaryFree()) {
            inc(days, receivedDay, StatCounter.RECEIVED_BOUNDARY_FREE);
        }
        boolean resolved = DossierTimeliness.resolved(f);
        if (resolved) {
            LocalDate endDay = LocalDates.of(f.finishedAt());
            Timeliness timeliness = DossierTimeliness.ii06a(f, settings);
            inc(
                    days,
                    endDay,
                    switch (timeliness) {
                        case EARLY -> StatCounter.RESOLVED_EARLY;
                        case LATE -> StatCounter.RESOLVED_LATE;
                        default -> StatCounter.RESOLVED_ON_TIME;
                    });
            if (timeliness == Timeliness.LATE && f.extensionUsed()) {
                inc(days, endDay, StatCounter.RESOLVED_LATE_WITH_APOLOGY);
            }
            if ("WITHDRAWN".equals(f.resultKind()) || "STOPPED".equals(f.resultKind())) {
                inc(days, endDay, StatCounter.WITHDRAWN);
            }
            if ("REFUSED".equals(f.resultKind()) || "REJECTED".equals(f.resultKind())) {
                inc(days, endDay, StatCounter.REFUSED);
            }
            if (DossierTimeliness.onTime766(f)) {
                inc(days, endDay, StatCounter.RESOLVED_ON_TIME_766);
            }
        }
        if (f.dueAt() != null) {
            inc(days, LocalDates.of(f.dueAt()), StatCounter.DUE_COUNT);
            if (resolved) {
                Instant leaves = f.finishedAt().isAfter(f.dueAt()) ? f.finishedAt() : f.dueAt();
                inc(days, LocalDates.of(leaves), StatCounter.CLOSED_DUE_COUNT);
            }
        }

        long[] i766 = new long[I766Counter.SIZE];
        boolean online = "ONLINE".equals(channel);
        set(i766, I766Counter.RECEIVED, true);
        set(i766, I766Counter.RECEIVED_ONLINE, online);
        set(i766, I766Counter.RECEIVED_POSTAL, "POSTAL".equals(channel));
        set(i766, I766Counter.ONLINE_COUNTED, online && (!procedure.requiresPaperResult() || links.resultElectronic()));
        set(i766, I766Counter.FINANCIAL_OBLIGATION, links.financialObligation());
        set(i766, I766Counter.PAID_ONLINE, links.paidOnline());
        set(i766, I766Counter.PAPER_RESULT_REQUIRED, procedure.requiresPaperResult());
        set(i766, I766Counter.PAPER_RESULT_ELECTRONIC, procedure.requiresPaperResult() && links.resultElectronic());
        set(i766, I766Counter.DIGITIZED, links.componentsComplete() && links.resultElectronic());
        set(i766, I766Counter.REUSES_DATA, links.reusesData());
        set(i766, I766Counter.LINKED_TO_WAREHOUSE, links.linkedToWarehouse());
        set(
                i766,
                I766Counter.RESOLVED_LATE,
                resolved && f.dueAt() != null && f.finishedAt().isAfter(f.dueAt()));
        set(
                i766,
                I766Counter.FEEDBACK_OR_DISLIKE,
                links.hasFeedback() || (f.rating() != null && !f.rating().satisfied()));
        set(i766, I766Counter.RATED, f.rating() != null);
        return new Contribution(f.unitCode(), procedure.fieldCode(), f.procedureCode(), days, month(receivedDay), i766);
    }

    /** yyyymm of a local day. */
    public static int month(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    /** The stat_month vectors: the day vectors summed per calendar month. */
    public SortedMap<Integer, long[]> months() {
        TreeMap<Integer, long[]> months = new TreeMap<>();
        days.forEach((day, vector) -> {
            long[] sum = months.computeIfAbsent(month(day), m -> new long[StatCounter.SIZE]);
            for (int i = 0; i < vector.length; i++) {
                sum[i] += vector[i];
            }
        });
        return months;
    }

    /** One stat_day counter (0 when the dossier adds nothing on that day). */
    public long stat(LocalDate day, StatCounter counter) {
        long[] vector = days.get(day);
        return vector == null ? 0 : vector[counter.ordinal()];
    }

    public long i766(I766Counter counter) {
        return i766 == null ? 0 : i766[counter.ordinal()];
    }

    private static void inc(TreeMap<LocalDate, long[]> days, LocalDate day, StatCounter counter) {
        days.computeIfAbsent(day, d -> new long[StatCounter.SIZE])[counter.ordinal()]++;
    }

    private static void set(long[] vector, I766Counter counter, boolean yes) {
        vector[counter.ordinal()] = yes ? 1 : 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Contribution c)) {
            return false;
        }
        if (!Objects.equals(unitCode, c.unitCode)
                || !Objects.equals(fieldCode, c.fieldCode)
                || !Objects.equals(procedureCode, c.procedureCode)
                || receptionMonth != c.receptionMonth
                || !Arrays.equals(i766, c.i766)
                || !days.keySet().equals(c.days.keySet())) {
            return false;
        }
        for (Map.Entry<LocalDate, long[]> e : days.entrySet()) {
            if (!Arrays.equals(e.getValue(), c.days.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(unitCode, fieldCode, procedureCode, receptionMonth, days.keySet());
        return 31 * h + Arrays.hashCode(i766);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Contribution[")
                .append(unitCode)
                .append(", ")
                .append(fieldCode)
                .append(", ")
                .append(procedureCode);
        days.forEach((day, v) -> s.append(", ").append(day).append('=').append(Arrays.toString(v)));
        return s.append(", month ")
                .append(receptionMonth)
                .append('=')
                .append(Arrays.toString(i766))
                .append(']')
                .toString();
    }
}
