package vn.motcua.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.error.ErrorReason;

/**
 * Replaces Micronaut's default error body for the errors the framework raises itself (unknown route, method not
 * allowed, unsupported media type, oversized or unreadable body, unhandled exceptions). Micronaut's own messages name
 * argument types and exception classes, so the client gets a fixed text per status instead.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = tooLong(context.getRequest(), response.getStatus());
        response.status(status);
        context.getRootCause().ifPresent(cause -> LOG.debug("request failed with {}", status, cause));
        return Problems.body(
                response, Problems.problem(context.getRequest(), status, reason(status), detail(status), List.of()));
    }

    /**
     * Micronaut answers every request Netty could not decode because something was too long with 413; a request line
     * (URL) beyond micronaut.server.netty.max-initial-line-length is 414 and headers beyond max-header-size are 431.
     */
    private static HttpStatus tooLong(HttpRequest<?> request, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || !(request instanceof NettyHttpRequest<?> netty)) {
            return status;
        }
        Throwable cause = netty.getNativeRequest().decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return HttpStatus.REQUEST_URI_TOO_LONG;
        }
        return cause instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : status;
    }

    private static String reason(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Reasons.MALFORMED_REQUEST;
            case NOT_FOUND -> ErrorReason.NOT_FOUND.name();
            case METHOD_NOT_ALLOWED -> Reasons.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> Reasons.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> Reasons.UNSUPPORTED_MEDIA_TYPE;
            case REQUEST_ENTITY_TOO_LARGE -> Reasons.PAYLOAD_TOO_LARGE;
            case REQUEST_URI_TOO_LONG -> Reasons.URI_TOO_LONG;
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> Reasons.HEADERS_TOO_LARGE;
            case UNAUTHORIZED -> ErrorReason.TOKEN_MISSING.name();
            case FORBIDDEN -> ErrorReason.ROLE_NOT_ALLOWED.name();
            default -> status.getCode() >= 500 ? Reasons.INTERNAL : status.name();
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request could not be read";
            case NOT_FOUND -> "no resource at this address";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case NOT_ACCEPTABLE -> "this resource answers application/json only";
            case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is too large";
            case REQUEST_URI_TOO_LONG -> "the request line (URL) is too long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request headers are too large";
            default -> null;
        };
    }
}
