package vn.motcua.gateway.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.http.FilterOrder;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.platform.auth.Caller;

/**
 * One access log line per request. It names the user by preferred_username only (never the citizen id, which is
 * personal data) and the route by its template, so dossier codes and query strings stay out of the log. It lives
 * beside the filter that sets the caller; {@code http} stays below {@code security}.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.ACCESS_LOG)
public class AccessLogFilter {

    public static final String LOGGER_NAME = "vn.motcua.gateway.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String STARTED = "motcua.started-nanos";
    // token claims are attacker-influenced text: keep log lines single-line and parseable
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@+-]");

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        String latency = request.getAttribute(STARTED, Long.class)
                .map(started -> String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)))
                .orElse("-");
        String user = CallerAttribute.get(request)
                .map(Caller::username)
                .map(name -> UNSAFE.matcher(name).replaceAll("_"))
                .orElse("-");
        String route = BasicHttpAttributes.getUriTemplate(request).orElse("-");
        ACCESS.info(
                "requestId={} user={} method={} route={} status={} latencyMs={}",
                RequestIds.of(request),
                user,
                request.getMethodName(),
                route,
                response.code(),
                latency);
    }
}
