package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.dossier.JsonDocument;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.validation.Violations;

/**
 * The bodies of the user administration routes, read strictly. Binding them straight to records let the
 * serializer coerce types ({@code "password": 12345678} became the password "12345678", {@code "role":
 * ["specialist"]} the role "specialist"), so a malformed request changed Keycloak; here a wrong type, an unknown
 * field or a body that is not one JSON object is a 400 before anything is done.
 */
final class AdminRequests {

    private static final Set<String> CREATE_FIELDS =
            Set.of("username", "email", "firstName", "lastName", "unitCode", "role", "password", "temporaryPassword");
    private static final Set<String> RESET_FIELDS = Set.of("password", "temporary");
    private static final Set<String> ROLE_FIELDS = Set.of("roles");
    private static final int MAX_ROLES = 20;

    private AdminRequests() {}

    static UserJson.Create create(JsonMapper json, @Nullable String body) {
        Violations v = new Violations();
        JsonNode o = object(json, body, CREATE_FIELDS, v);
        UserJson.Create create = new UserJson.Create(
                string(o, "username", v),
                string(o, "email", v),
                string(o, "firstName", v),
                string(o, "lastName", v),
                string(o, "unitCode", v),
                string(o, "role", v),
                string(o, "password", v),
                bool(o, "temporaryPassword", v));
        v.throwIfAny();
        return create;
    }

    static UserJson.PasswordReset passwordReset(JsonMapper json, @Nullable String body) {
        Violations v = new Violations();
        JsonNode o = object(json, body, RESET_FIELDS, v);
        UserJson.PasswordReset reset = new UserJson.PasswordReset(string(o, "password", v), bool(o, "temporary", v));
        v.throwIfAny();
        return reset;
    }

    static UserJson.RoleSet roleSet(JsonMapper json, @Nullable String body) {
        Violations v = new Violations();
        JsonNode o = object(json, body, ROLE_FIELDS, v);
        JsonNode roles = o.get("roles");
        List<String> names = null;
        if (roles != null && !roles.isNull()) {
            if (!roles.isArray() || roles.size() > MAX_ROLES) {
                v.add("roles", "must be an array of at most " + MAX_ROLES + " role names");
            } else {
                names = new ArrayList<>();
                for (JsonNode role : roles.values()) {
                    if (!role.isString()) {
                        v.add("roles", "must be role names");
                        break;
                    }
                    names.add(role.getStringValue());
                }
            }
        }
        v.throwIfAny();
        return new UserJson.RoleSet(names);
    }

    private static JsonNode object(JsonMapper json, @Nullable String body, Set<String> fields, Violations v) {
        if (body == null || body.isBlank()) {
            throw ProblemException.malformed("a JSON body is required");
        }
        JsonNode node = JsonDocument.parse(json, body);
        if (!node.isObject()) {
            v.add("$", "must be a JSON object");
            v.throwIfAny();
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!fields.contains(entry.getKey())) {
                // the name is client text: report it only if it is harmless
                String name = entry.getKey().matches("[A-Za-z0-9_]{1,64}") ? entry.getKey() : "?";
                v.add(name, "is not a known field");
            }
        }
        return node;
    }

    @Nullable
    private static String string(JsonNode object, String name, Violations v) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            v.add(name, "must be a string");
            return null;
        }
        return node.getStringValue();
    }

    @Nullable
    private static Boolean bool(JsonNode object, String name, Violations v) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            v.add(name, "must be true or false");
            return null;
        }
        return node.getBooleanValue();
    }
}
