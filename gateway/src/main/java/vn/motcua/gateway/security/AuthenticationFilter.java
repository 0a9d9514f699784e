package vn.motcua.gateway.security;

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
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import vn.motcua.gateway.http.FilterOrder;
import vn.motcua.gateway.problem.DownstreamError;
import vn.motcua.gateway.problem.Problems;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.JwtValidator;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;

/**
 * Authenticates requests with the platform's {@link JwtValidator} (signature, issuer, audience, expiry) and
 * applies the route's {@link AccessPolicy}. The validated {@link Caller}, including the raw token that is forwarded
 * unchanged to the services, becomes a request attribute. Requests that match no route pass through untouched: the
 * router answers them with 404/405/415 and nothing is executed.
 */
// every path, not just /api/**: the policy comes from the matched route, so a path spelled differently (//api/...)
// that still reaches a controller cannot slip past the check
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.AUTHENTICATION)
public class AuthenticationFilter {

    private static final String CHALLENGE = "Bearer realm=\"motcua\"";
    private static final String OWN_PACKAGE = "vn.motcua.gateway.";

    private final JwtValidator validator;

    public AuthenticationFilter(JwtValidator validator) {
        this.validator = validator;
    }

    @RequestFilter
    // the first validation may fetch the realm's keys over HTTP: keep that off the event loop
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null;
        }
        AccessPolicy policy = policy(route.get().getRouteInfo());
        if (!policy.needsToken()) {
            return null;
        }
        BearerToken.Result bearer = BearerToken.read(request.getHeaders());
        if (bearer.outcome() == BearerToken.Outcome.MISSING) {
            return Problems.response(
                            request,
                            HttpStatus.UNAUTHORIZED,
                            ErrorReason.TOKEN_MISSING.name(),
                            "a bearer token is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        if (bearer.outcome() == BearerToken.Outcome.MALFORMED) {
            return invalidToken(request, "authorization must be 'Bearer <token>'");
        }
        Caller caller;
        try {
            caller = validator.validate(bearer.token());
        } catch (DomainException e) {
            if (e.reason() == ErrorReason.TOKEN_INVALID) {
                return invalidToken(request, "the bearer token is not valid");
            }
            // the identity provider could not be reached: not the caller's fault, so not a 401
            return Problems.response(
                    request,
                    DownstreamError.httpStatus(e.kind().code()),
                    e.reason().name(),
                    "the token could not be checked; retry later");
        }
        CallerAttribute.set(request, caller);
        if (!policy.allows(caller)) {
            return Problems.response(
                    request,
                    HttpStatus.FORBIDDEN,
                    ErrorReason.ROLE_NOT_ALLOWED.name(),
                    "the caller's roles do not allow this operation");
        }
        return null;
    }

    /**
     * The route's declared policy. Our own routes without one are closed to everybody; framework routes (the health
     * endpoints) are public.
     */
    static AccessPolicy policy(RouteInfo<?> route) {
        return route.getAnnotationMetadata()
                .enumValue(Access.class, AccessPolicy.class)
                .orElseGet(() -> route.getDeclaringType().getName().startsWith(OWN_PACKAGE)
                        ? AccessPolicy.NOBODY
                        : AccessPolicy.PUBLIC);
    }

    private static HttpResponse<?> invalidToken(HttpRequest<?> request, String detail) {
        return Problems.response(request, HttpStatus.UNAUTHORIZED, ErrorReason.TOKEN_INVALID.name(), detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
    }
}
