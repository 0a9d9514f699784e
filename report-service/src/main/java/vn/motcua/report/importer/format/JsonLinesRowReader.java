package vn.motcua.report.importer.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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

/**
 * JSON Lines rows: one object per line whose keys are the field names (ImportFields), scalars as strings, numbers or
 * booleans, {@code TienTrinh} an array of {@code {"TrangThai": …, "ThoiDiem": …}} and, instead of TongPhiLePhi,
 * optionally {@code DanhSachPhiLePhi} as the portal sends it (only each entry's {@code Gia} is read). An unknown or
 * repeated key refuses the row: a misspelt optional key would otherwise drop its data silently. Read with
 * jackson-core's streaming parser, one line at a time.
 */
public final class JsonLinesRowReader implements RowReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_MESSAGE = 200;

    private final RecordReader records;

    public JsonLinesRowReader(InputStream in) {
        this.records = new RecordReader(in, false);
    }

    @Override
    public SourceRow next() throws IOException {
        RecordReader.Record record = records.next();
        while (record != null && record.isBlank()) {
            record = records.next();
        }
        if (record == null) {
            return null;
        }
        long line = record.line();
        try (JsonParser parser = JSON.createParser(record.text())) {
            return object(line, parser);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "…";
            }
            return SourceRow.unreadable(line, "", "not valid JSON: " + message);
        }
    }

    @Override
    public long countRows(long max) throws IOException {
        return RowReader.count(records, max);
    }

    private static SourceRow object(long line, JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return SourceRow.unreadable(line, "", "expected one JSON object {…} on the line");
        }
        Map<String, String> values = new HashMap<>();
        List<SourceRow.RawStep> history = null;
        List<String> fees = null;
        List<RowError> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!seen.add(name)) {
                problems.add(new RowError(line, name, "appears twice in the object"));
                parser.skipChildren();
            } else if (name.equals(ImportFields.HISTORY)) {
                history = history(line, parser, value, problems);
            } else if (name.equals(ImportFields.FEES)) {
                fees = fees(line, parser, value, problems);
            } else if (ImportFields.SCALARS.contains(name)) {
                if (value.isStructStart()) {
                    problems.add(new RowError(line, name, "expected a single value, not an object or array"));
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    values.put(name, parser.getText());
                }
            } else {
                problems.add(new RowError(
                        line,
                        name.length() > 64 ? name.substring(0, 64) + "…" : name,
                        "unknown field; the fields are listed in report-service/README.md (names are case-sensitive)"));
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            problems.add(new RowError(line, "", "more than one JSON value on the line"));
        }
        return new SourceRow(line, values, history, fees, problems);
    }

    private static List<SourceRow.RawStep> history(
            long line, JsonParser parser, JsonToken value, List<RowError> problems) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            problems.add(new RowError(
                    line, ImportFields.HISTORY, "expected an array of {\"TrangThai\": …, \"ThoiDiem\": …}"));
            parser.skipChildren();
            return null;
        }
        List<SourceRow.RawStep> steps = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            index++;
            String where = ImportFields.HISTORY + "[" + index + "]";
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                problems.add(new RowError(line, where, "expected {\"TrangThai\": …, \"ThoiDiem\": …}"));
                parser.skipChildren();
                continue;
            }
            String status = null;
            String at = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token.isStructStart()) {
                    problems.add(new RowError(line, where + "." + key, "expected a single value"));
                    parser.skipChildren();
                } else if (key.equals(ImportFields.HISTORY_STATUS)) {
                    status = token == JsonToken.VALUE_NULL ? null : parser.getText();
                } else if (key.equals(ImportFields.HISTORY_AT)) {
                    at = token == JsonToken.VALUE_NULL ? null : parser.getText();
                } else {
                    problems.add(new RowError(
                            line, where + "." + key, "unknown field: an entry has TrangThai and ThoiDiem"));
                }
            }
            steps.add(new SourceRow.RawStep(status, at));
        }
        return steps;
    }

    private static List<String> fees(long line, JsonParser parser, JsonToken value, List<RowError> problems)
            throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            problems.add(new RowError(line, ImportFields.FEES, "expected an array of {\"Gia\": …}"));
            parser.skipChildren();
            return null;
        }
        List<String> amounts = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            index++;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                problems.add(new RowError(line, ImportFields.FEES + "[" + index + "]", "expected {\"Gia\": …}"));
                parser.skipChildren();
                continue;
            }
            String amount = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                if (key.equals(ImportFields.FEE_AMOUNT) && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    amount = parser.getText();
                } else {
                    // the portal's fee entries carry names and codes too: only the amount matters here
                    parser.skipChildren();
                }
            }
            amounts.add(amount);
        }
        return amounts;
    }
}
