package vn.motcua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.gateway.security.AccessPolicy;

/** Compares one OpenAPI operation's x-access and x-roles with the access policy the gateway enforces. */
final class OpenApiRoles {

    private OpenApiRoles() {}

    static List<String> check(String name, JsonNode operation, AccessPolicy policy) {
        List<String> problems = new ArrayList<>();
        if (operation.isMissingNode()) {
            problems.add(name + ": not in the document");
            return problems;
        }
        JsonNode access = operation.path("x-access");
        if (!access.isTextual()) {
            problems.add(name + ": no x-access (expected " + policy.documentedName() + ")");
        } else if (!access.asText().equals(policy.documentedName())) {
            problems.add(name + ": x-access " + access.asText() + " but the route enforces " + policy.documentedName());
        }
        JsonNode roles = operation.path("x-roles");
        if (!roles.isArray()) {
            problems.add(name + ": no x-roles list (expected " + policy.documentedRoles() + ")");
        } else {
            List<String> documented = new ArrayList<>();
            roles.forEach(r -> documented.add(r.asText()));
            if (documented.isEmpty() || !documented.equals(policy.documentedRoles())) {
                problems.add(name + ": x-roles " + documented + " but the route admits " + policy.documentedRoles());
            }
        }
        JsonNode acting = operation.path("x-acting-roles");
        if (!acting.isMissingNode()) {
            // who the service lets act must be a subset of who the gateway lets through
            List<String> admitted = policy.documentedRoles();
            boolean anyone = admitted.contains("authenticated");
            if (!acting.isArray() || acting.isEmpty()) {
                problems.add(name + ": x-acting-roles must be a non-empty list");
            } else {
                acting.forEach(r -> {
                    if (!anyone && !admitted.contains(r.asText())) {
                        problems.add(name + ": x-acting-roles has " + r.asText() + " but the route admits " + admitted);
                    }
                });
            }
        }
        return problems;
    }
}
