package vn.motcua.gateway.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.List;
import vn.motcua.platform.error.ErrorReason;

/** A request the gateway refuses itself, before any service is called. */
public final class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final List<FieldError> errors;
    private final int errorsOmitted;

    public ProblemException(HttpStatus status, String reason, @Nullable String detail, List<FieldError> errors) {
        this(status, reason, detail, errors, 0);
    }

    private ProblemException(
            HttpStatus status, String reason, @Nullable String detail, List<FieldError> errors, int errorsOmitted) {
        // no stack trace: this is an answer to the client, not a fault
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
        this.errors = List.copyOf(errors);
        this.errorsOmitted = errorsOmitted;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return invalid(errors, 0);
    }

    /** @param errorsOmitted problems found beyond {@code errors}, counted but not listed */
    public static ProblemException invalid(List<FieldError> errors, int errorsOmitted) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                ErrorReason.INVALID_FIELD.name(),
                "one or more fields are invalid",
                errors,
                errorsOmitted);
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, Reasons.MALFORMED_REQUEST, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public int errorsOmitted() {
        return errorsOmitted;
    }
}
