package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.validation.Violations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object body read strictly: unknown fields and wrong types are reported to {@link Violations} with their
 * JSON path; whether a value is required is up to the caller. An absent or empty body reads as {} where the route
 * allows it, so actions whose RPC needs only the dossier code can be posted without a body.
 */
final class JsonBody {

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
    static JsonBody read(JsonMapper json, @Nullable String body, boolean required, Set<String> fields,
                         Violations violations) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw ProblemException.malformed("a JSON body is required");
            }
            return new JsonBody(JsonNode.createObjectNode(Map.of()), violations, "");
        }
        JsonNode node;
        try {
            node = json.readValue(body.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            // the parser's message quotes the input and names classes: say only what the client must fix
            throw ProblemException.malformed("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            violations.add("$", "must be a JSON object");
            return new JsonBody(JsonNode.createObjectNode(Map.of()), violations, "");
        }
        JsonBody reader = new JsonBody(node, violations, "");
        reader.unknownFields(fields);
        return reader;
    }

    /** The nested object at name (null when absent or of another type, which is reported). */
    @Nullable
    JsonBody object(String name, Set<String> fields) {
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

    String path(String name) {
        return prefix + name;
    }

    /** The string at name, or null when absent, JSON null or of another type (reported). */
    @Nullable
    String string(String name) {
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

    /** A whole number from min to max, or 0 when absent; anything else is reported. */
    int integer(String name, int min, int max) {
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
    boolean bool(String name) {
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

    private void unknownFields(Set<String> known) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                // the name is client text: report it only if it is harmless
                String name = entry.getKey().matches("[A-Za-z0-9_]{1,64}") ? entry.getKey() : "?";
                violations.add(path(name), "is not a known field");
            }
        }
    }
}
