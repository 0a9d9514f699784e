package vn.motcua.report.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.report.importer.domain.ImportFields;
import vn.motcua.report.importer.domain.RowError;
import vn.motcua.report.importer.domain.SourceRow;
import vn.motcua.report.importer.domain.StatusHistory;

/**
 * CSV rows (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, a quote inside
 * doubled). The first non-blank record is the header row naming the columns (ImportFields.CSV_COLUMNS, any order); an
 * unknown, repeated or missing required column refuses the file, since a misspelt optional column would otherwise
 * drop its data silently. TienTrinh holds the history in {@link StatusHistory}'s compact form.
 */
public final class CsvRowReader implements RowReader {

    private final RecordReader records;
    private List<String> columns;

    public CsvRowReader(InputStream in) {
        this.records = new RecordReader(in, true);
    }

    @Override
    public SourceRow next() throws IOException {
        if (columns == null) {
            columns = header();
        }
        RecordReader.Record record = records.next();
        while (record != null && record.isBlank()) {
            record = records.next();
        }
        if (record == null) {
            return null;
        }
        long line = record.line();
        List<String> fields;
        try {
            fields = split(record.text());
        } catch (IllegalArgumentException e) {
            return SourceRow.unreadable(line, "", e.getMessage());
        }
        if (fields.size() != columns.size()) {
            return SourceRow.unreadable(
                    line, "", "the row has " + fields.size() + " fields, the header row " + columns.size());
        }
        Map<String, String> values = new HashMap<>();
        List<SourceRow.RawStep> history = null;
        List<RowError> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = columns.get(i);
            String value = fields.get(i);
            if (name.equals(ImportFields.HISTORY)) {
                try {
                    history = StatusHistory.split(value);
                } catch (IllegalArgumentException e) {
                    problems.add(new RowError(line, ImportFields.HISTORY, e.getMessage()));
                }
            } else if (!value.isBlank()) {
                values.put(name, value);
            }
        }
        return new SourceRow(line, values, history, null, problems);
    }

    @Override
    public long countRows(long max) throws IOException {
        if (columns == null) {
            columns = header();
        }
        return RowReader.count(records, max);
    }

    private List<String> header() throws IOException {
        RecordReader.Record record = records.next();
        while (record != null && record.isBlank()) {
            record = records.next();
        }
        if (record == null) {
            throw new ImportStreamException(0, "the file is empty: a CSV import starts with a header row");
        }
        List<String> names;
        try {
            names = split(record.text()).stream().map(String::strip).toList();
        } catch (IllegalArgumentException e) {
            throw new ImportStreamException(record.line(), "header row: " + e.getMessage());
        }
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!ImportFields.CSV_COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(an empty name)" : name);
            } else if (!seen.add(name)) {
                throw new ImportStreamException(record.line(), "header row: the column " + name + " appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ImportStreamException(
                    record.line(),
                    "header row: unknown column(s) " + String.join(", ", unknown)
                            + "; the columns are listed in report-service/README.md (names are case-sensitive)");
        }
        List<String> missing = ImportFields.CSV_REQUIRED.stream()
                .filter(name -> !seen.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new ImportStreamException(
                    record.line(), "header row: required column(s) missing: " + String.join(", ", missing));
        }
        if (!seen.contains(ImportFields.STATUS) && !seen.contains(ImportFields.HISTORY)) {
            throw new ImportStreamException(
                    record.line(),
                    "header row: needs TrangThaiHoSo or TienTrinh (the status, or the history it ends in)");
        }
        return names;
    }

    /**
     * Splits one record into its fields.
     *
     * @throws IllegalArgumentException naming the field that is not well-formed
     */
    static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(
                                "field " + (fields.size() + 1) + ": a quoted field is never closed");
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new IllegalArgumentException("field " + (fields.size() + 1)
                            + ": characters after the closing quote (a \" inside a quoted field is written \"\")");
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    char c = text.charAt(i);
                    if (c == '"') {
                        throw new IllegalArgumentException("field " + (fields.size() + 1)
                                + ": a \" in a field that does not start with one (quote the whole field, double the"
                                + " \")");
                    }
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++;
        }
    }
}
