package vn.motcua.gateway.problem;

import io.micronaut.http.HttpRequest;
import java.util.function.UnaryOperator;

/**
 * Where a route's JSON is not the proto request field for field, how the service's field paths become the JSON
 * paths the client sent. The error pipe turns snake_case into camelCase for every route; a route whose body is one
 * wrapped message flattened (CreateProcedureDraftRequest.draft, AddCalendarDayRequest.day) also names its wrapper
 * here, so that "draft.time_limit.amount" reaches the client as "timeLimit.amount".
 */
public final class JsonPaths {

    static final String ATTRIBUTE = "motcua.json-paths";

    private JsonPaths() {}

    /** The body is the request's {@code wrapper} message; {@code more} renames the camelCase path further. */
    public static void flattened(HttpRequest<?> request, String wrapper, UnaryOperator<String> more) {
        String prefix = wrapper + ".";
        UnaryOperator<String> rename =
                path -> more.apply(path.startsWith(prefix) ? path.substring(prefix.length()) : path);
        request.setAttribute(ATTRIBUTE, rename);
    }

    public static void flattened(HttpRequest<?> request, String wrapper) {
        flattened(request, wrapper, UnaryOperator.identity());
    }

    /** The route's JSON (or query) names differ from the proto's beyond camelCase as {@code rename} says. */
    public static void renamed(HttpRequest<?> request, UnaryOperator<String> rename) {
        request.setAttribute(ATTRIBUTE, rename);
    }

    @SuppressWarnings("unchecked")
    static UnaryOperator<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, UnaryOperator.class).orElse(UnaryOperator.identity());
    }
}
