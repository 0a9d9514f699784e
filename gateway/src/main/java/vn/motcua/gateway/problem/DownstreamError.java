package vn.motcua.gateway.problem;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.GrpcErrors;

/**
 * The one mapping from a service's gRPC status to what the HTTP client sees. The reason comes from
 * google.rpc.ErrorInfo and field errors from google.rpc.BadRequest. A service's own message is passed on only when
 * it is a deliberate domain answer (it carries our ErrorInfo); transport errors and the 500 family never pass on
 * text, which could name hosts, classes or SQL.
 */
public record DownstreamError(
        HttpStatus status, String reason, @Nullable String detail, List<FieldError> errors) {

    private static final int MAX_DETAIL = 300;
    private static final Pattern SNAKE = Pattern.compile("_([a-z0-9])");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    public DownstreamError {
        errors = List.copyOf(errors);
    }

    public static HttpStatus httpStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED -> HttpStatus.CONFLICT;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static DownstreamError of(StatusRuntimeException e) {
        return of(e, UnaryOperator.identity());
    }

    /** @param rename how the route's JSON paths differ from the proto's beyond camelCase (JsonPaths) */
    public static DownstreamError of(StatusRuntimeException e, UnaryOperator<String> rename) {
        Status.Code code = e.getStatus().getCode();
        HttpStatus status = httpStatus(code);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return new DownstreamError(status, Reasons.INTERNAL, null, List.of());
        }
        ErrorInfo info = GrpcErrors.errorInfo(e);
        boolean ours = info != null
                && DomainException.ERROR_DOMAIN.equals(info.getDomain())
                && !info.getReason().isBlank();
        String reason = ours ? info.getReason() : fallbackReason(code);
        if (ErrorReason.STALE_REVISION.name().equals(reason)) {
            // the If-Match the client sent no longer names the dossier's revision (RFC 9110 13.1.1)
            status = HttpStatus.PRECONDITION_FAILED;
        }
        String detail = ours ? sanitize(e.getStatus().getDescription()) : null;
        return new DownstreamError(
                status,
                reason,
                detail != null ? detail : genericDetail(status),
                fieldErrors(GrpcErrors.badRequest(e), rename));
    }

    private static String fallbackReason(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE -> ErrorReason.DOWNSTREAM_UNAVAILABLE.name();
            case DEADLINE_EXCEEDED -> Reasons.DOWNSTREAM_TIMEOUT;
            case INVALID_ARGUMENT -> ErrorReason.INVALID_FIELD.name();
            case UNAUTHENTICATED -> ErrorReason.TOKEN_INVALID.name();
            case PERMISSION_DENIED -> ErrorReason.ROLE_NOT_ALLOWED.name();
            case NOT_FOUND -> ErrorReason.NOT_FOUND.name();
            default -> code.name();
        };
    }

    private static String genericDetail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request is not valid";
            case NOT_FOUND -> "the resource was not found";
            case CONFLICT -> "the request conflicts with the current state of the resource";
            case PRECONDITION_FAILED -> "the resource changed since it was read; read it again";
            case FORBIDDEN -> "the caller is not allowed to do this";
            case UNAUTHORIZED -> "the bearer token was not accepted";
            case TOO_MANY_REQUESTS -> "too many requests; retry later";
            case GATEWAY_TIMEOUT -> "a service did not answer in time; retry later";
            case SERVICE_UNAVAILABLE -> "a service is unavailable; retry later";
            default -> null;
        };
    }

    private static List<FieldError> fieldErrors(@Nullable BadRequest badRequest, UnaryOperator<String> rename) {
        if (badRequest == null) {
            return List.of();
        }
        return badRequest.getFieldViolationsList().stream()
                .map(v -> new FieldError(rename.apply(jsonPath(v.getField())), sanitize(v.getDescription())))
                .toList();
    }

    /** Services name fields as in the proto (applicant.citizen_id); REST clients know the JSON names. */
    static String jsonPath(String protoPath) {
        Matcher m = SNAKE.matcher(protoPath);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1).toUpperCase(Locale.ROOT));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Nullable
    private static String sanitize(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = CONTROL.matcher(text).replaceAll(" ").strip();
        return clean.length() > MAX_DETAIL ? clean.substring(0, MAX_DETAIL) : clean;
    }
}
