package vn.motcua.report.importer.domain;

import java.util.List;
import java.util.Map;

/**
 * One row as a format reader found it, before any field is checked: the same shape for CSV and JSON Lines so that one
 * {@link RowNormalizer} judges both.
 *
 * @param line     1-based line where the row starts
 * @param values   scalar fields by name, as text (JSON numbers as written, JSON booleans as true/false); a field
 *                 that is empty or JSON null is absent
 * @param history  TienTrinh's entries, or null when the row has none
 * @param fees     the Gia of each DanhSachPhiLePhi entry (JSON Lines only), or null when the row has none
 * @param problems what the reader could not read (a JSON syntax error, a wrong field count...): the row is refused
 */
public record SourceRow(
        long line, Map<String, String> values, List<RawStep> history, List<String> fees, List<RowError> problems) {

    public SourceRow {
        values = Map.copyOf(values);
        history = history == null ? null : List.copyOf(history);
        fees = fees == null ? null : List.copyOf(fees);
        problems = List.copyOf(problems);
    }

    public static SourceRow unreadable(long line, String field, String message) {
        return new SourceRow(line, Map.of(), null, null, List.of(new RowError(line, field, message)));
    }

    /** One TienTrinh entry as written: its status code and time, unchecked. */
    public record RawStep(String status, String at) {}
}
