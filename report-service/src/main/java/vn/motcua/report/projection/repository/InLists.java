package vn.motcua.report.projection.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits a key set into IN lists of bounded size (one statement per chunk). */
final class InLists {

    static final int CHUNK = 500;

    private InLists() {}

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(CHUNK, values.size()));
        for (T v : values) {
            current.add(v);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** "?, ?, ?" for n values. */
    static String marks(int n) {
        StringBuilder s = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "?" : ", ?");
        }
        return s.toString();
    }
}
