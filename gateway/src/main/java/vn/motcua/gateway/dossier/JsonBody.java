package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.validation.Violations;

/**
 * A JSON object body read strictly: unknown fields and wrong types are reported to {@link Violations} with their
 * JSON path; whether a value is required is up to the caller. An absent or empty body reads as {} where the route
 * allows it, so actions whose RPC needs only the dossier code can be posted without a body.
 */
public final class JsonBody {

    private final JsonNode object;
    private final Violations violations;
    private final String prefix;

    private JsonBody(JsonNode object, Violations violations, String prefix) {
        this.object = object;
        this.violations = violations;
        this.prefix = prefix;
    }

    /**
     * @param required whether an absent or blank body is an error (400 MALFORMED_REQUEST) rather than {}
     * @param fields   the known top-level fields; any other one is reported
     */
    public static JsonBody read(
            JsonMapper json, @Nullable String body, boolean required, Set<String> fields, Violations violations) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw ProblemException.malformed("a JSON body is required");
            }
            return new JsonBody(JsonNode.createObjectNode(Map.of()), violations, "");
        }
        JsonNode node = JsonDocument.parse(json, body);
        if (!node.isObject()) {
            violations.add("$", "must be a JSON object");
            return new JsonBody(JsonNode.createObjectNode(Map.of()), violations, "");
        }
        JsonBody reader = new JsonBody(node, violations, "");
        reader.unknownFields(fields);
        return reader;
    }

    /** The nested object at name (null when absent or of another type, which is reported). */
    @Nullable
    public JsonBody object(String name, Set<String> fields) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            violations.add(path(name), "must be an object");
            return null;
        }
        JsonBody nested = new JsonBody(node, violations, path(name) + ".");
        nested.unknownFields(fields);
        return nested;
    }

    public String path(String name) {
        return prefix + name;
    }

    /** Whether the field is there with a value (absent and JSON null are not). */
    public boolean has(String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    /** The string at name, or null when absent, JSON null or of another type (reported). */
    @Nullable
    public String string(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            violations.add(path(name), "must be a string");
            return null;
        }
        return node.getStringValue();
    }

    /**
     * The string at name as a proto3 string field takes it: "" when absent or JSON null (a wrong type is reported).
     * For values whose rules are the service's: it alone decides whether "" is missing or too long is too long.
     */
    public String text(String name) {
        String value = string(name);
        return value == null ? "" : value;
    }

    /** The strings of the array at name (empty when absent; another type, too many items or non-strings are reported). */
    public java.util.List<String> strings(String name, int maxItems) {
        JsonNode node = object.get(name);
        java.util.List<String> items = new java.util.ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray() || node.size() > maxItems) {
            violations.add(path(name), "must be an array of at most " + maxItems + " strings");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item == null || !item.isString()) {
                violations.add(path(name) + "[" + i + "]", "must be a string");
            } else {
                items.add(item.getStringValue());
            }
        }
        return items;
    }

    /** A whole number from min to max, or 0 when absent; anything else is reported. */
    public int integer(String name, int min, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isNumber()) {
            double value = node.getNumberValue().doubleValue();
            if (value == Math.rint(value) && value >= min && value <= max) {
                return (int) value;
            }
        }
        violations.add(path(name), "must be a whole number from " + min + " to " + max);
        return 0;
    }

    /** A boolean, or false when absent; another type is reported. */
    public boolean bool(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            violations.add(path(name), "must be true or false");
            return false;
        }
        return node.getBooleanValue();
    }

    /** The objects of the array at name (empty when absent; another type, too many items or non-objects are reported). */
    public java.util.List<JsonBody> objects(String name, Set<String> fields, int maxItems) {
        JsonNode node = object.get(name);
        java.util.List<JsonBody> items = new java.util.ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            violations.add(path(name), "must be an array");
            return items;
        }
        if (node.size() > maxItems) {
            violations.add(path(name), "must have at most " + maxItems + " items");
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path(name) + "[" + i + "]";
            if (item == null || !item.isObject()) {
                violations.add(itemPath, "must be an object");
                continue;
            }
            JsonBody nested = new JsonBody(item, violations, itemPath + ".");
            nested.unknownFields(fields);
            items.add(nested);
        }
        return items;
    }

    /**
     * The object at name as a map of its keys to their strings, in the body's order (empty when absent; JSON null as
     * ""; another type, too many entries or a value that is not a string are reported). For maps of free keys, such
     * as a campaign row's cells: which keys are known is the service's rule.
     */
    public Map<String, String> stringMap(String name, int maxEntries) {
        JsonNode node = object.get(name);
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (!node.isObject() || node.size() > maxEntries) {
            violations.add(path(name), "must be an object of at most " + maxEntries + " strings");
            return entries;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                entries.put(entry.getKey(), "");
            } else if (value.isString()) {
                entries.put(entry.getKey(), value.getStringValue());
            } else {
                violations.add(path(name) + "." + harmless(entry.getKey()), "must be a string");
            }
        }
        return entries;
    }

    /** A whole number from min to max as a long, or 0 when absent; anything else is reported. */
    public long longValue(String name, long min, long max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isNumber()) {
            java.math.BigDecimal value =
                    new java.math.BigDecimal(node.getNumberValue().toString());
            if (value.stripTrailingZeros().scale() <= 0
                    && value.compareTo(java.math.BigDecimal.valueOf(min)) >= 0
                    && value.compareTo(java.math.BigDecimal.valueOf(max)) <= 0) {
                return value.longValueExact();
            }
        }
        violations.add(path(name), "must be a whole number from " + min + " to " + max);
        return 0;
    }

    private void unknownFields(Set<String> known) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                violations.add(path(harmless(entry.getKey())), "is not a known field");
            }
        }
    }

    /** A name from the client goes into a problem only if it is harmless. */
    private static String harmless(String name) {
        return name.matches("[A-Za-z0-9_]{1,64}") ? name : "?";
    }
}
