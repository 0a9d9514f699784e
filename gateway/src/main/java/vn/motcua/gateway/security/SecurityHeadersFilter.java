package vn.motcua.gateway.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.annotation.Filter;
import vn.motcua.gateway.http.FilterOrder;

/**
 * Browser hardening on every response, errors included. API answers carry personal data (applicants, citizen ids),
 * so no cache may keep them. Swagger UI (/swagger-ui) is the one page meant for a browser: it gets a policy that lets
 * its own scripts, styles and the same-origin OpenAPI document load, and nothing from elsewhere.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.SECURITY_HEADERS)
public class SecurityHeadersFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/swagger-ui";

    @ResponseFilter
    public void harden(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        String path = request.getPath();
        boolean swaggerUi = path.equals(SWAGGER_UI) || path.startsWith(SWAGGER_UI + "/");
        response.getHeaders().set("Content-Security-Policy", swaggerUi ? SWAGGER_UI_POLICY : API_POLICY);
        // everywhere, not only under /api: nothing this service answers is worth caching
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
