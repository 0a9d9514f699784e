package vn.motcua.report.projection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The net change of the counter tables over a unit of work: each changed dossier subtracts what it counted before and
 * adds what it counts now. Keys are kept sorted so that every writer touches counter rows in the same order.
 */
public final class CounterDeltas {

    /** A stat_day row. */
    public record DayKey(String unitCode, String fieldCode, LocalDate day) implements Comparable<DayKey> {
        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::unitCode)
                .thenComparing(DayKey::fieldCode)
                .thenComparing(DayKey::day);

        @Override
        public int compareTo(DayKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** A stat_month row (month = yyyymm). */
    public record MonthKey(String unitCode, String fieldCode, int month) implements Comparable<MonthKey> {
        private static final Comparator<MonthKey> ORDER = Comparator.comparing(MonthKey::unitCode)
                .thenComparing(MonthKey::fieldCode)
                .thenComparingInt(MonthKey::month);

        @Override
        public int compareTo(MonthKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** An i766_month row (month = yyyymm). */
    public record I766Key(String unitCode, String procedureCode, int month) implements Comparable<I766Key> {
        private static final Comparator<I766Key> ORDER = Comparator.comparing(I766Key::unitCode)
                .thenComparing(I766Key::procedureCode)
                .thenComparingInt(I766Key::month);

        @Override
        public int compareTo(I766Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** A row's net change; {@code decreased} when some counter went down (the row may now be all zero). */
    public record Delta<K>(K key, long[] values, boolean decreased) {}

    private final TreeMap<DayKey, long[]> days = new TreeMap<>();
    private final TreeMap<MonthKey, long[]> months = new TreeMap<>();
    private final TreeMap<I766Key, long[]> i766 = new TreeMap<>();

    /** Adds ({@code sign} 1) or subtracts ({@code sign} -1) a contribution. */
    public void add(Contribution c, int sign) {
        if (c.isNone()) {
            return;
        }
        c.days().forEach((day, v) -> addTo(days, new DayKey(c.unitCode(), c.fieldCode(), day), v, sign));
        c.months().forEach((month, v) -> addTo(months, new MonthKey(c.unitCode(), c.fieldCode(), month), v, sign));
        addTo(i766, new I766Key(c.unitCode(), c.procedureCode(), c.receptionMonth()), c.i766(), sign);
    }

    /** The replacement of one dossier's contribution by another. */
    public void replace(Contribution before, Contribution after) {
        add(before, -1);
        add(after, 1);
    }

    public List<Delta<DayKey>> dayDeltas() {
        return nonZero(days);
    }

    public List<Delta<MonthKey>> monthDeltas() {
        return nonZero(months);
    }

    public List<Delta<I766Key>> i766Deltas() {
        return nonZero(i766);
    }

    public boolean isEmpty() {
        return dayDeltas().isEmpty() && monthDeltas().isEmpty() && i766Deltas().isEmpty();
    }

    private static <K> void addTo(TreeMap<K, long[]> map, K key, long[] values, int sign) {
        long[] sum = map.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sum[i] += sign * values[i];
        }
    }

    private static <K> List<Delta<K>> nonZero(TreeMap<K, long[]> map) {
        List<Delta<K>> out = new ArrayList<>();
        for (Map.Entry<K, long[]> e : map.entrySet()) {
            boolean any = false;
            boolean decreased = false;
            for (long v : e.getValue()) {
                any |= v != 0;
                decreased |= v < 0;
            }
            if (any) {
                out.add(new Delta<>(e.getKey(), e.getValue().clone(), decreased));
            }
        }
        return out;
    }
}
