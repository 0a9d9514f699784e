package vn.motcua.gateway.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Locale;
import vn.motcua.gateway.http.RequestIds;

/** Builds every error response of the gateway, so they all share one shape and content type. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final MediaType PROBLEM_JSON = MediaType.of(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://motcua.vn/problems/";

    private Problems() {}

    public static Problem problem(
            HttpRequest<?> request,
            HttpStatus status,
            String reason,
            @Nullable String detail,
            List<FieldError> errors) {
        return problem(request, status, reason, detail, errors, 0);
    }

    /** @param errorsOmitted problems found beyond {@code errors}, counted but not kept */
    public static Problem problem(
            HttpRequest<?> request,
            HttpStatus status,
            String reason,
            @Nullable String detail,
            List<FieldError> errors,
            int errorsOmitted) {
        return new Problem(
                type(reason),
                status.getReason(),
                status.getCode(),
                detail,
                reason,
                RequestIds.of(request),
                errors,
                errorsOmitted > 0 ? errorsOmitted : null);
    }

    public static MutableHttpResponse<Problem> response(
            HttpRequest<?> request,
            HttpStatus status,
            String reason,
            @Nullable String detail,
            List<FieldError> errors) {
        return body(HttpResponse.status(status), problem(request, status, reason, detail, errors));
    }

    public static MutableHttpResponse<Problem> response(
            HttpRequest<?> request, HttpStatus status, String reason, @Nullable String detail) {
        return response(request, status, reason, detail, List.of());
    }

    /** Puts a problem body on an existing response (keeps headers such as Allow or WWW-Authenticate). */
    @SuppressWarnings("unchecked")
    public static MutableHttpResponse<Problem> body(MutableHttpResponse<?> response, Problem problem) {
        MutableHttpResponse<Problem> typed = (MutableHttpResponse<Problem>) response;
        return typed.body(problem).contentType(PROBLEM_JSON);
    }

    /** A stable, documentable type URI per reason: INVALID_FIELD becomes .../invalid-field. */
    static String type(String reason) {
        return TYPE_BASE + reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
