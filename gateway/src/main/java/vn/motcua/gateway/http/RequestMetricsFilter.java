package vn.motcua.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds_*}): a timer with latency histogram
 * buckets per route template, method and status. Ours instead of micronaut-micrometer's request filter
 * ({@code micronaut.metrics.binders.web.enabled: false}), because that one runs after the gateway's own filters and
 * so never sees the 401/403/429 they answer early. The route template, never the concrete path, is the label: dossier
 * codes stay out of the metrics and the series stay few. Requests that match no route count as NOT_FOUND (404) or
 * UNMATCHED_URI (static files such as the OpenAPI document). Likewise the method: any name outside RFC 9110's is
 * counted as OTHER, or a client inventing methods would add series without limit.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.METRICS)
public class RequestMetricsFilter {

    public static final String METRIC = "http.server.requests";
    private static final String STARTED = "motcua.metrics.started-nanos";
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final MeterRegistry registry;

    public RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        int status = response.code();
        Timer.builder(METRIC)
                .description("HTTP requests served by the gateway, by route template, method and status")
                .tag("method", METHODS.contains(request.getMethodName()) ? request.getMethodName() : "OTHER")
                .tag("uri", route(request, status))
                .tag("status", String.valueOf(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static String route(HttpRequest<?> request, int status) {
        return RouteAttributes.getRouteMatch(request)
                .map(match -> match.getRouteInfo())
                .filter(UriRouteInfo.class::isInstance)
                .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toPathString())
                .orElse(status == HttpStatus.NOT_FOUND.getCode() ? "NOT_FOUND" : "UNMATCHED_URI");
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}
