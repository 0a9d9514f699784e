package vn.motcua.gateway.http;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Closes the connection after answering a request sent with Transfer-Encoding. Netty reads a request that has both
 * Transfer-Encoding and Content-Length by its chunks and drops the length, so whatever the length covered beyond the
 * chunks would be read as a second request on the same connection: request smuggling behind a proxy that trusted the
 * length. RFC 9112 section 6.3 says to close the connection after responding to such a request; since the length is
 * gone by the time a filter sees the request, every chunked request gets that answer (no client of this API needs to
 * stream its small JSON bodies).
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
@Order(FilterOrder.REQUEST_ID + 1)
public class MessageFramingFilter {

    @ResponseFilter
    public void closeAfterChunkedRequest(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}
