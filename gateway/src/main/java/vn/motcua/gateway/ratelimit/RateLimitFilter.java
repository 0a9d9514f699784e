package vn.motcua.gateway.ratelimit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import vn.motcua.gateway.http.ClientAddress;
import vn.motcua.gateway.http.FilterOrder;
import vn.motcua.gateway.problem.Problems;
import vn.motcua.gateway.problem.Reasons;
import vn.motcua.gateway.security.CallerAttribute;
import vn.motcua.platform.auth.Caller;

/**
 * Per-client rate limits on the gateway's own routes ({@code motcua.gateway.rate-limit.*}). It runs after
 * authentication, so a route that needs a token is limited per validated token subject (people and machines:
 * {@code authenticated.*}), and a public route per client IP ({@code anonymous.*}; a token sent to a public route is
 * ignored there, as everywhere). The IP is the socket's peer address, or the client an ingress in
 * {@code motcua.gateway.trusted-proxies} names in X-Forwarded-For ({@link ClientAddress}). Health, metrics and the OpenAPI files are not limited.
 * The payment provider's routes ({@value #PROVIDER_PATHS}callback and return) have their own, much higher per-IP
 * limit ({@code provider.*}): the provider sends every notification from a few addresses, and a 429 there would break
 * the provider's contract (always 200 with an RspCode) and make it redeliver. Forged notifications cost nothing
 * beyond the call: payment-service verifies the signature.
 * Over the limit: 429 problem+json, reason RATE_LIMITED, with Retry-After in seconds.
 * <p>
 * The buckets are shared by every replica ({@link DatabaseRateLimiter}, {@code rate-limit.store: database}), so the
 * decision may wait on the database: it runs on the blocking executor, never on the event loop.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.RATE_LIMIT)
public class RateLimitFilter {

    private static final String OWN_PACKAGE = "vn.motcua.gateway.";
    static final String PROVIDER_PATHS = "/api/v1/payments/provider/";

    private final ClientLimiter limiter;
    private final ClientAddress clientAddress;
    private final boolean enabled;
    private final Limit authenticated;
    private final Limit anonymous;
    private final Limit provider;

    public RateLimitFilter(
            ClientLimiter limiter,
            ClientAddress clientAddress,
            @Value("${motcua.gateway.rate-limit.enabled:true}") boolean enabled,
            @Value("${motcua.gateway.rate-limit.authenticated.requests-per-second:20}") double userRate,
            @Value("${motcua.gateway.rate-limit.authenticated.burst:40}") int userBurst,
            @Value("${motcua.gateway.rate-limit.anonymous.requests-per-second:5}") double anonRate,
            @Value("${motcua.gateway.rate-limit.anonymous.burst:20}") int anonBurst,
            @Value("${motcua.gateway.rate-limit.provider.requests-per-second:200}") double providerRate,
            @Value("${motcua.gateway.rate-limit.provider.burst:1000}") int providerBurst) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.enabled = enabled;
        this.authenticated = new Limit(userRate, userBurst);
        this.anonymous = new Limit(anonRate, anonBurst);
        this.provider = new Limit(providerRate, providerBurst);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (!enabled || !isOwnRoute(request)) {
            return null;
        }
        Optional<Caller> caller = CallerAttribute.get(request);
        Decision decision;
        if (request.getPath().startsWith(PROVIDER_PATHS)) {
            // checked before the caller: the routes are public, a token sent along changes nothing, and the
            // provider's addresses get a bucket apart from the same address's other public requests
            decision = limiter.acquire("provider-ip:" + clientAddress.of(request), provider);
        } else if (caller.isPresent()) {
            decision = limiter.acquire("sub:" + caller.get().subject(), authenticated);
        } else {
            decision = limiter.acquire("ip:" + clientAddress.of(request), anonymous);
        }
        if (decision.allowed()) {
            return null;
        }
        long retryAfter = decision.retryAfterSeconds();
        return Problems.response(
                        request,
                        HttpStatus.TOO_MANY_REQUESTS,
                        Reasons.RATE_LIMITED,
                        "too many requests from this client; retry after " + retryAfter + " s")
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
    }

    private static boolean isOwnRoute(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        return route.isPresent()
                && route.get().getRouteInfo().getDeclaringType().getName().startsWith(OWN_PACKAGE);
    }
}
