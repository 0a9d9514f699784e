package vn.motcua.gateway.problem;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.error.ErrorReason;

import java.util.List;

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
        HttpStatus status = response.getStatus();
        context.getRootCause().ifPresent(cause -> LOG.debug("request failed with {}", status, cause));
        return Problems.body(response, Problems.problem(context.getRequest(), status, reason(status),
                detail(status), List.of()));
    }

    private static String reason(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Reasons.MALFORMED_REQUEST;
            case NOT_FOUND -> ErrorReason.NOT_FOUND.name();
            case METHOD_NOT_ALLOWED -> Reasons.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> Reasons.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> Reasons.UNSUPPORTED_MEDIA_TYPE;
            case REQUEST_ENTITY_TOO_LARGE -> Reasons.PAYLOAD_TOO_LARGE;
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
            default -> null;
        };
    }
}
