package vn.motcua.gateway.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Fixes the request id before anything else runs and echoes it on every response. */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.REQUEST_ID)
public class RequestIdFilter {

    @RequestFilter
    public void assign(HttpRequest<?> request) {
        RequestIds.of(request);
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
    }
}
