package vn.motcua.gateway.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Set;
import vn.motcua.gateway.http.FilterOrder;

/**
 * Browser hardening on every response, errors included. API answers carry personal data (applicants, citizen ids),
 * so no cache may keep them. Two kinds of pages are meant for a browser and get their own policy: Swagger UI
 * (/swagger-ui), whose scripts, styles and same-origin OpenAPI document may load, and the web console (its page at /),
 * which may run only its own module script and connect only to the gateway and to Keycloak's origin (the token
 * endpoint of the PKCE login). Every other answer keeps the API policy that allows nothing.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.SECURITY_HEADERS)
public class SecurityHeadersFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/swagger-ui";
    // the console's only HTML document; its scripts and styles are subresources, to which a page policy does not apply
    private static final Set<String> CONSOLE_PAGES = Set.of("/", "/index.html");

    private final String consolePolicy;

    public SecurityHeadersFilter(LoginOrigin login) {
        this.consolePolicy = consolePolicy(login.keycloakOrigin());
    }

    /**
     * Only same-origin files: no inline script or style (the console has none), no framing, forms posting only here.
     * Navigations to Keycloak's login and logout pages are top-level and need no allowance.
     */
    static String consolePolicy(String keycloakOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + keycloakOrigin + "; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'";
    }

    @ResponseFilter
    public void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        String path = request.getPath();
        boolean swaggerUi = path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/");
        String policy = swaggerUi ? SWAGGER_UI_POLICY : CONSOLE_PAGES.contains(path) ? consolePolicy : API_POLICY;
        response.getHeaders().set("Content-Security-Policy", policy);
        // everywhere, not only under /api: nothing this service answers is worth caching
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
