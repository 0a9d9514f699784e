package vn.motcua.e2e;

import java.util.Map;

/**
 * One row of the authorization matrix: a gateway route (method and path template exactly as in the OpenAPI
 * document), the expected status per subject, the fixture that creates the resource the request acts on, and the
 * request itself. A fixture is consumed by a cell that succeeds (2xx): the next cell gets a fresh one, so every
 * allowed cell finds the resource in the state the action needs.
 *
 * <p>A route has one main row; a variant row (a non-null {@code variant}) exercises the same route with another
 * fixture or body, e.g. the counter's outcomes before acceptance on the reception route.
 */
record Route(String method, String template, Expect expect, Fixture fixture, Request request, String variant) {

    /** Creates the resource of a row (a dossier code, a feedback id, ...) through the API; null when none. */
    @FunctionalInterface
    interface Fixture {
        String create() throws Exception;
    }

    /** The request one subject sends, given the fixture's resource. */
    @FunctionalInterface
    interface Request {
        Call build(String resource, Subject subject) throws Exception;
    }

    /** Path variables for the template, an optional query string and an optional body with its content type. */
    record Call(Map<String, String> vars, String query, String body, String contentType) {

        Call json(String json) {
            return new Call(vars, query, json, "application/json");
        }

        String path(String template) {
            String path = template;
            for (Map.Entry<String, String> v : vars.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            if (path.contains("{")) {
                throw new IllegalStateException("unfilled variable in " + path);
            }
            return query == null ? path : path + "?" + query;
        }
    }

    static final Fixture NO_FIXTURE = () -> null;

    /** The route as the OpenAPI document names it. */
    String key() {
        return method + " " + template;
    }

    /** The row's name: the route, and the variant if it is one. */
    String name() {
        return variant == null ? key() : key() + " [" + variant + "]";
    }

    Route variant(String name) {
        return new Route(method, template, expect, fixture, request, name);
    }
}
