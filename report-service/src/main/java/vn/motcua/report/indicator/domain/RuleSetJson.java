package vn.motcua.report.indicator.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * The JSON form of a rule set, read strictly and written canonically (fixed key order, no insignificant whitespace
 * beyond the pretty printer's, numbers in plain notation), so a stored version reads back byte for byte.
 *
 * <pre>
 * {"groups": [
 *   {"id": "2", "name": "Tiến độ, kết quả giải quyết", "max_points": 20, "indicators": [
 *     {"id": "2.1", "name": "...", "max_points": 20, "full_marks_at_percent": 100, "formula": "DOSSIERS_ON_TIME"}]}]}
 * </pre>
 *
 * Rules: only these keys (an unknown or duplicated key is an error, so a typo is never silently ignored); ids
 * {@code [0-9A-Za-z][0-9A-Za-z.]{0,15}}, group ids unique, indicator ids unique across the set (drill-down addresses
 * them); names 1-255 characters without control characters; points 0-100 with at most 2 decimals; thresholds in
 * (0, 100]; formulas from {@link Formula}, each at most once; each group's points equal the sum of its indicators'
 * points and the groups sum to {@value #TOTAL_POINTS_TEXT} (the 766 index is out of 100).
 */
public final class RuleSetJson {

    public static final int MAX_CHARS = 65_536;
    public static final int MAX_GROUPS = 12;
    public static final int MAX_INDICATORS_PER_GROUP = 30;
    static final String TOTAL_POINTS_TEXT = "100";
    public static final BigDecimal TOTAL_POINTS = new BigDecimal(TOTAL_POINTS_TEXT);
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.]{0,15}");
    private static final int MAX_NAME = 255;
    private static final int MAX_DEPTH = 6;
    private static final Object NULL = new Object();
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleSetJson() {}

    /**
     * @param field the request field the JSON came in, prefixed to every violation (e.g. "rules_json")
     * @throws DomainException INVALID_ARGUMENT listing every problem found
     */
    public static RuleSet parse(String json, String field) {
        if (json == null || json.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        if (json.length() > MAX_CHARS) {
            throw DomainException.invalid(field, "must be at most " + MAX_CHARS + " characters");
        }
        Object root;
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw DomainException.invalid(field, "is not valid JSON: it holds no value");
            }
            root = read(parser, first, 0);
            if (parser.nextToken() != null) {
                throw DomainException.invalid(field, "has content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(
                    field,
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TooDeep e) {
            throw DomainException.invalid(field, "nests deeper than a rule set does");
        }
        Validator v = new Validator();
        RuleSet set = v.ruleSet(root, field);
        if (!v.violations.isEmpty()) {
            throw DomainException.invalid(v.violations);
        }
        return set;
    }

    /** The canonical JSON of a rule set (what is stored and hashed). */
    public static String write(RuleSet set) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("groups");
            for (RuleGroup group : set.groups()) {
                g.writeStartObject();
                g.writeStringField("id", group.id());
                g.writeStringField("name", group.name());
                g.writeFieldName("max_points");
                g.writeNumber(plain(group.maxPoints()));
                g.writeArrayFieldStart("indicators");
                for (IndicatorRule rule : group.indicators()) {
                    g.writeStartObject();
                    g.writeStringField("id", rule.id());
                    g.writeStringField("name", rule.name());
                    g.writeFieldName("max_points");
                    g.writeNumber(plain(rule.maxPoints()));
                    g.writeFieldName("full_marks_at_percent");
                    g.writeNumber(plain(rule.fullMarksAtPercent()));
                    g.writeStringField("formula", rule.formula().name());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** "6", "2.5", "100": no trailing zeros, never an exponent. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static Object read(JsonParser p, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    requirePresent(p, t);
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    requirePresent(p, value);
                    map.put(name, read(p, value, depth + 1));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    requirePresent(p, t);
                    list.add(read(p, t, depth + 1));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            default -> {
                return NULL;
            }
        }
    }

    private static void requirePresent(JsonParser p, JsonToken token) throws JsonParseException {
        if (token == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Walks the tree collecting every violation, so the publisher sees all problems at once. */
    private static final class Validator {

        final List<FieldViolation> violations = new ArrayList<>();

        RuleSet ruleSet(Object root, String path) {
            Map<String, Object> top = object(root, path);
            if (top == null) {
                return null;
            }
            onlyKeys(top, path, Set.of("groups"));
            List<Object> groups = array(top.get("groups"), path + ".groups", MAX_GROUPS);
            if (groups == null) {
                return null;
            }
            List<RuleGroup> parsed = new ArrayList<>();
            Set<String> groupIds = new HashSet<>();
            Set<String> indicatorIds = new HashSet<>();
            Set<Formula> formulas = new HashSet<>();
            BigDecimal total = BigDecimal.ZERO;
            boolean complete = true;
            for (int i = 0; i < groups.size(); i++) {
                RuleGroup group = group(groups.get(i), path + ".groups[" + i + "]", groupIds, indicatorIds, formulas);
                if (group == null) {
                    complete = false;
                } else {
                    parsed.add(group);
                    total = total.add(group.maxPoints());
                }
            }
            if (complete && total.compareTo(TOTAL_POINTS) != 0) {
                add(path + ".groups", "the groups' max_points sum to " + plain(total) + ", not " + TOTAL_POINTS_TEXT);
            }
            return violations.isEmpty() ? new RuleSet(parsed) : null;
        }

        RuleGroup group(
                Object node, String path, Set<String> groupIds, Set<String> indicatorIds, Set<Formula> formulas) {
            Map<String, Object> map = object(node, path);
            if (map == null) {
                return null;
            }
            int before = violations.size();
            onlyKeys(map, path, Set.of("id", "name", "max_points", "indicators"));
            String id = id(map.get("id"), path + ".id");
            if (id != null && !groupIds.add(id)) {
                add(path + ".id", "repeats group id " + id);
            }
            String name = name(map.get("name"), path + ".name");
            BigDecimal max = points(map.get("max_points"), path + ".max_points");
            List<Object> indicators = array(map.get("indicators"), path + ".indicators", MAX_INDICATORS_PER_GROUP);
            List<IndicatorRule> rules = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            if (indicators != null) {
                for (int i = 0; i < indicators.size(); i++) {
                    IndicatorRule rule =
                            indicator(indicators.get(i), path + ".indicators[" + i + "]", indicatorIds, formulas);
                    if (rule != null) {
                        rules.add(rule);
                        sum = sum.add(rule.maxPoints());
                    }
                }
            }
            if (violations.size() > before) {
                return null;
            }
            if (sum.compareTo(max) != 0) {
                add(path + ".max_points", "is " + plain(max) + " but its indicators' max_points sum to " + plain(sum));
                return null;
            }
            return new RuleGroup(id, name, max, rules);
        }

        IndicatorRule indicator(Object node, String path, Set<String> indicatorIds, Set<Formula> formulas) {
            Map<String, Object> map = object(node, path);
            if (map == null) {
                return null;
            }
            int before = violations.size();
            onlyKeys(map, path, Set.of("id", "name", "max_points", "full_marks_at_percent", "formula"));
            String id = id(map.get("id"), path + ".id");
            if (id != null && !indicatorIds.add(id)) {
                add(path + ".id", "repeats indicator id " + id);
            }
            String name = name(map.get("name"), path + ".name");
            BigDecimal max = points(map.get("max_points"), path + ".max_points");
            BigDecimal threshold = threshold(map.get("full_marks_at_percent"), path + ".full_marks_at_percent");
            Formula formula = null;
            Object f = map.get("formula");
            if (!(f instanceof String text)) {
                add(path + ".formula", "is required (a formula id, e.g. DOSSIERS_ON_TIME)");
            } else if ((formula = Formula.byId(text)) == null) {
                add(path + ".formula", "is not a known formula id: " + shorten(text));
            } else if (!formulas.add(formula)) {
                add(path + ".formula", "uses " + text + " a second time");
            }
            return violations.size() > before ? null : new IndicatorRule(id, name, max, threshold, formula);
        }

        Map<String, Object> object(Object node, String path) {
            if (node instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return typed;
            }
            add(path, "must be a JSON object");
            return null;
        }

        List<Object> array(Object node, String path, int max) {
            if (!(node instanceof List<?> list)) {
                add(path, "must be a non-empty JSON array");
                return null;
            }
            if (list.isEmpty()) {
                add(path, "must not be empty");
                return null;
            }
            if (list.size() > max) {
                add(path, "may have at most " + max + " entries");
                return null;
            }
            @SuppressWarnings("unchecked")
            List<Object> typed = (List<Object>) list;
            return typed;
        }

        void onlyKeys(Map<String, Object> map, String path, Set<String> allowed) {
            map.keySet().stream()
                    .filter(k -> !allowed.contains(k))
                    .sorted()
                    .forEach(k -> add(path + "." + shorten(k), "is not a rule set field"));
        }

        String id(Object node, String path) {
            if (!(node instanceof String text) || !ID.matcher(text).matches()) {
                add(path, "must be 1-16 characters of letters, digits and dots, starting with a letter or digit");
                return null;
            }
            return text;
        }

        String name(Object node, String path) {
            if (!(node instanceof String text) || text.isBlank()) {
                add(path, "is required");
                return null;
            }
            if (text.length() > MAX_NAME) {
                add(path, "must be at most " + MAX_NAME + " characters");
                return null;
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                add(path, "must not contain control characters");
                return null;
            }
            return text.strip();
        }

        BigDecimal points(Object node, String path) {
            if (!(node instanceof BigDecimal value)) {
                add(path, "must be a number");
                return null;
            }
            if (value.signum() < 0) {
                add(path, "must not be negative");
                return null;
            }
            if (value.compareTo(TOTAL_POINTS) > 0) {
                add(path, "must be at most " + TOTAL_POINTS_TEXT);
                return null;
            }
            if (value.stripTrailingZeros().scale() > 2) {
                add(path, "may have at most 2 decimals");
                return null;
            }
            return value;
        }

        BigDecimal threshold(Object node, String path) {
            if (!(node instanceof BigDecimal value)) {
                add(path, "must be a number");
                return null;
            }
            if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
                add(path, "must be above 0 and at most 100");
                return null;
            }
            if (value.stripTrailingZeros().scale() > 2) {
                add(path, "may have at most 2 decimals");
                return null;
            }
            return value;
        }

        void add(String path, String description) {
            violations.add(new FieldViolation(path, description));
        }

        private static String shorten(String text) {
            String printable = text.codePoints()
                    .filter(c -> !Character.isISOControl(c))
                    .limit(40)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            return printable.length() < text.length() ? printable + "…" : printable;
        }
    }
}
