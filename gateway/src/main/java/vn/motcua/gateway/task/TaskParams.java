package vn.motcua.gateway.task;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.ColumnType;
import vn.motcua.proto.report.v1.ExpectedOutput;
import vn.motcua.proto.report.v1.TaskKind;
import vn.motcua.proto.report.v1.TaskListView;
import vn.motcua.proto.report.v1.TemplatePrefill;

/**
 * How the task and campaign routes read their input: the SHAPE only (types, the enums' names, that dates and local
 * deadlines are written as the contract says). Every rule about values (who may assign to which unit, 1..200
 * assignees, a campaign's template and upward deadline, percent ranges, at most 5000 rows, a cell's type) is
 * report-service's; its field violations come back under the JSON names the client sent.
 */
final class TaskParams {

    static final Map<String, TaskKind> KINDS =
            Map.of("TASK", TaskKind.TASK_KIND_TASK, "CAMPAIGN", TaskKind.TASK_KIND_CAMPAIGN);
    static final Map<String, ExpectedOutput> OUTPUTS = Map.of(
            "REPORT_TEMPLATE", ExpectedOutput.EXPECTED_OUTPUT_REPORT_TEMPLATE,
            "DOCUMENT", ExpectedOutput.EXPECTED_OUTPUT_DOCUMENT,
            "YES_NO", ExpectedOutput.EXPECTED_OUTPUT_YES_NO);
    static final Map<String, ColumnType> COLUMN_TYPES = Map.of(
            "TEXT", ColumnType.COLUMN_TYPE_TEXT,
            "INTEGER", ColumnType.COLUMN_TYPE_INTEGER,
            "DECIMAL", ColumnType.COLUMN_TYPE_DECIMAL,
            "DATE", ColumnType.COLUMN_TYPE_DATE,
            "YES_NO", ColumnType.COLUMN_TYPE_YES_NO);
    static final Map<String, TemplatePrefill> PREFILLS = Map.of(
            "NONE", TemplatePrefill.TEMPLATE_PREFILL_NONE, "PROCEDURES", TemplatePrefill.TEMPLATE_PREFILL_PROCEDURES);
    static final Map<String, TaskListView> VIEWS =
            Map.of("ASSIGNED", TaskListView.TASK_LIST_VIEW_ASSIGNED, "ISSUED", TaskListView.TASK_LIST_VIEW_ISSUED);
    static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false);

    /**
     * How many items of a list the gateway reads before refusing the body: far above every rule of the service (200
     * assignees, 10 documents or addresses, 30 columns), so that the service's own message names its limit, and low
     * enough that a hostile body cannot make the gateway build a huge request.
     */
    static final int MAX_ITEMS = 1000;
    /** A campaign draft's rows: the service takes at most 5000; one more is passed on for its message. */
    static final int MAX_ROWS = 5001;
    /** A row's cells: a template has at most 30 columns; the service names an unknown key. */
    static final int MAX_CELLS = 100;

    /** A local deadline as the contract writes it: "YYYY-MM-DDTHH:MM", Asia/Ho_Chi_Minh, no seconds, no offset. */
    private static final Pattern LOCAL_MINUTE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private static final Pattern CELL_PATH = Pattern.compile("(rows\\[\\d+]\\.cells\\.)(.+)");
    private static final Pattern SNAKE = Pattern.compile("_([a-z0-9])");
    private static final Pattern UPPER = Pattern.compile("[A-Z]");

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private TaskParams() {}

    /**
     * A deadline in a body: "" when absent (whether it is required is the service's rule), the text as sent when it
     * is a real local minute, else reported ("2026-02-30T16:00", "2026-12-07T16:00Z" and "16:00" are not).
     */
    static String localMinute(Violations v, JsonBody body, String name) {
        String value = body.string(name);
        if (value == null || value.isEmpty()) {
            return "";
        }
        try {
            if (LOCAL_MINUTE.matcher(value).matches()) {
                LocalDateTime.parse(value, MINUTE);
                return value;
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        v.add(body.path(name), "must be a local date and time YYYY-MM-DDTHH:MM (Asia/Ho_Chi_Minh)");
        return "";
    }

    /** A date in a body ("YYYY-MM-DD"): "" when absent, reported when it is not a real date. */
    static String date(Violations v, JsonBody body, String name) {
        LocalDate date = v.date(body.path(name), body.string(name), false);
        return date == null ? "" : date.toString();
    }

    /** An id or unit code in a body: "" when absent, reported when it is not a code. */
    static String code(Violations v, JsonBody body, String name) {
        return orEmpty(v.code(body.path(name), body.string(name), false));
    }

    /**
     * The strings of a body's array (unit codes, document ids, addresses): which values are valid (a unit of the
     * subtree, a document that exists, an address) is the service's rule, reported under their index.
     */
    static List<String> strings(JsonBody body, String name) {
        return body.strings(name, MAX_ITEMS);
    }

    /**
     * The service names a cell rows[i].cells.{key} with the template's key (snake_case, e.g. procedure_code), which
     * the error pipe's snake_case-to-camelCase turns into procedureCode: the client sent, and must see, the key as it
     * is. A key the client sent is restored as sent; any other (a required column left out) by undoing camelCase
     * (template keys are [a-z][a-z0-9_]*: only an underscore before a digit cannot be told apart, and the keys sent
     * cover the usual case of a row that names every column).
     */
    static void cellNames(HttpRequest<?> request, Collection<String> sentKeys) {
        Map<String, String> sent = new HashMap<>();
        for (String key : sentKeys) {
            sent.putIfAbsent(camel(key), key);
        }
        JsonPaths.renamed(request, path -> {
            Matcher m = CELL_PATH.matcher(path);
            if (!m.matches()) {
                return path;
            }
            String key = m.group(2);
            String original = sent.get(key);
            return m.group(1)
                    + (original != null
                            ? original
                            : UPPER.matcher(key).replaceAll(u -> "_" + u.group().toLowerCase(Locale.ROOT)));
        });
    }

    /** The error pipe's camelCase of a snake_case name (problem.DownstreamError). */
    static String camel(String name) {
        return SNAKE.matcher(name).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
    }

    /** true or false in a query; absent is false. */
    static boolean bool(Violations v, String field, @Nullable String value) {
        Boolean b = v.oneOf(field, value, false, BOOLEANS);
        return b != null && b;
    }

    /** A page token or other optional text of an answer: "" (proto3's absent) is null. */
    @Nullable
    static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
