package vn.motcua.gateway.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's access log line, problem body, response header and downstream gRPC calls together.
 * A client's {@code X-Request-Id} is kept only if it is harmless in logs and metadata; otherwise a new UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "motcua.request-id";
    // the same shape the services accept (platform AuthServerInterceptor), so the id survives the hop unchanged
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** The request's id, fixed on first use so every caller gets the same one. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String given = request.getHeaders().get(HEADER);
            String id = isSafe(given) ? given : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    /** Safe for logs, headers and gRPC metadata: 1–128 of letters, digits and {@code . _ : -}. */
    public static boolean isSafe(@Nullable String value) {
        return value != null && SAFE.matcher(value).matches();
    }
}
