package vn.motcua.gateway.security;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import vn.motcua.platform.auth.Caller;

/** The authenticated {@link Caller} of a request, set by {@link AuthenticationFilter}. */
public final class CallerAttribute {

    private static final String NAME = "motcua.caller";

    private CallerAttribute() {}

    public static Optional<Caller> get(HttpRequest<?> request) {
        return request.getAttribute(NAME, Caller.class);
    }

    static void set(HttpRequest<?> request, Caller caller) {
        request.setAttribute(NAME, caller);
    }
}
