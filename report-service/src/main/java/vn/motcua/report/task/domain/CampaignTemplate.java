package vn.motcua.report.task.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.platform.error.FieldViolation;

/**
 * The columns a campaign's reports are filled in (issue 14 item 2). The one home of a template's rules; the cells of
 * a report are checked against it by {@link #violations(String, java.util.Map)}.
 */
public record CampaignTemplate(List<TemplateColumn> columns, TemplatePrefill prefill) {

    public static final int MAX_COLUMNS = 30;
    public static final int MAX_LABEL = 255;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public CampaignTemplate {
        columns = List.copyOf(columns);
    }

    /** Problems of the template itself, each under {@code field} (e.g. "template.columns[2].key"). */
    public static List<FieldViolation> check(String field, List<TemplateColumn> columns, TemplatePrefill prefill) {
        List<FieldViolation> v = new ArrayList<>();
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            v.add(new FieldViolation(field + ".columns", "must hold 1 to " + MAX_COLUMNS + " columns"));
        }
        if (prefill == null) {
            v.add(new FieldViolation(field + ".prefill", "must be NONE or PROCEDURES"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn c = columns.get(i);
            String at = field + ".columns[" + i + "]";
            if (c.key() == null || !KEY.matcher(c.key()).matches()) {
                v.add(new FieldViolation(at + ".key", "must match [a-z][a-z0-9_]{0,31}"));
            } else if (!keys.add(c.key())) {
                v.add(new FieldViolation(at + ".key", "repeats the key " + c.key()));
            }
            if (c.label() == null || c.label().isBlank() || c.label().length() > MAX_LABEL) {
                v.add(new FieldViolation(at + ".label", "must be 1 to " + MAX_LABEL + " characters"));
            }
            if (c.type() == null) {
                v.add(new FieldViolation(at + ".type", "must be TEXT, INTEGER, DECIMAL, DATE or YES_NO"));
            }
        }
        return v;
    }

    public Optional<TemplateColumn> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** Problems of one row's cells: unknown keys, required columns left blank, values not of their column's type. */
    public List<FieldViolation> violations(String rowField, java.util.Map<String, String> cells) {
        List<FieldViolation> v = new ArrayList<>();
        cells.keySet().stream()
                .filter(k -> column(k).isEmpty())
                .sorted()
                .forEach(k -> v.add(new FieldViolation(rowField + ".cells." + k, "is not a column of the template")));
        for (TemplateColumn c : columns) {
            String value = cells.get(c.key());
            if (value == null || value.isBlank()) {
                if (c.required()) {
                    v.add(new FieldViolation(rowField + ".cells." + c.key(), "is required"));
                }
            } else if (!c.type().accepts(value)) {
                v.add(new FieldViolation(rowField + ".cells." + c.key(), "must be " + c.type().expected()));
            }
        }
        return v;
    }
}
