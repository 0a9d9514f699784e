package vn.motcua.gateway.problem;

import io.grpc.StatusRuntimeException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.http.RequestIds;

/** Answers a failed service call with the problem {@link DownstreamError} maps it to. */
@Singleton
public class StatusRuntimeExceptionHandler implements ExceptionHandler<StatusRuntimeException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(StatusRuntimeExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StatusRuntimeException e) {
        DownstreamError error = DownstreamError.of(e, JsonPaths.of(request));
        if (error.status().getCode() >= 500) {
            // the client gets no detail; operators get the code and the service's text, keyed by request id
            LOG.warn(
                    "downstream call failed: requestId={} code={} description={}",
                    RequestIds.of(request),
                    e.getStatus().getCode(),
                    e.getStatus().getDescription());
        }
        MutableHttpResponse<Problem> response =
                Problems.response(request, error.status(), error.reason(), error.detail(), error.errors());
        if (error.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"motcua\", error=\"invalid_token\"");
        }
        return response;
    }
}
