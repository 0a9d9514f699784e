package vn.motcua.report.importer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The compact text form of a status history, used by the CSV column TienTrinh and by import_row: entries
 * {@code TrangThai@ThoiDiem} separated by {@code |}, in order, e.g. {@code 2@20240305083000|4@20240305090000|9@2024-03-08T10:00:00+07:00}.
 * Neither separator occurs in a status code or in either time form, so no quoting is needed.
 */
public final class StatusHistory {

    public static final char ENTRY_SEPARATOR = '|';
    public static final char TIME_SEPARATOR = '@';
    private static final Pattern ENTRIES = Pattern.compile("\\|");

    private StatusHistory() {}

    /**
     * Splits the CSV form into its entries without judging them (the normalizer does, for both formats alike).
     *
     * @throws IllegalArgumentException naming the 1-based entry that is not {@code TrangThai@ThoiDiem}
     */
    public static List<SourceRow.RawStep> split(String text) {
        List<SourceRow.RawStep> steps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        String[] entries = ENTRIES.split(text, -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int at = entry.indexOf(TIME_SEPARATOR);
            if (at <= 0 || at == entry.length() - 1 || entry.indexOf(TIME_SEPARATOR, at + 1) >= 0) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is '" + shorten(entry)
                        + "', expected TrangThai@ThoiDiem (e.g. 4@20240305090000), entries separated by |");
            }
            steps.add(new SourceRow.RawStep(
                    entry.substring(0, at).strip(), entry.substring(at + 1).strip()));
        }
        return steps;
    }

    /** The stored form: codes and UTC ISO instants. */
    public static String encode(List<StatusStep> steps) {
        StringJoiner joined = new StringJoiner(String.valueOf(ENTRY_SEPARATOR));
        for (StatusStep step : steps) {
            joined.add(step.status().code() + String.valueOf(TIME_SEPARATOR) + step.at());
        }
        return joined.toString();
    }

    /** Reads back what {@link #encode} wrote. */
    public static List<StatusStep> decode(String stored) {
        List<StatusStep> steps = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return steps;
        }
        for (SourceRow.RawStep raw : split(stored)) {
            DvcqgStatus status = DvcqgStatus.of(Integer.parseInt(raw.status()))
                    .orElseThrow(() -> new IllegalStateException("stored status " + raw.status()));
            steps.add(new StatusStep(status, Instant.parse(raw.at())));
        }
        return steps;
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
