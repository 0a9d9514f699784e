package vn.motcua.gateway.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.annotation.Filter;
import vn.motcua.gateway.http.FilterOrder;

/**
 * Browser hardening on every response, errors included. API answers carry personal data (applicants, citizen ids),
 * so no cache may keep them.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.SECURITY_HEADERS)
public class SecurityHeadersFilter {

    @ResponseFilter
    public void harden(MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        response.getHeaders().set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        // everywhere, not only under /api: nothing this service answers is worth caching
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
