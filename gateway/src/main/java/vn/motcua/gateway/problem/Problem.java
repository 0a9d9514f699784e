package vn.motcua.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * RFC 9457 problem details, extended with the platform's stable {@code reason} (google.rpc.ErrorInfo), the request
 * id for support calls, and field-level errors. {@code detail} is left out when there is nothing safe to say.
 * {@code errors} holds at most {@link #MAX_ERRORS}; {@code errorsOmitted} says how many more there were (absent when
 * none), so a body of thousands of bad keys gets a short answer.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        String reason,
        String requestId,
        List<FieldError> errors,
        @Nullable Integer errorsOmitted) {

    public static final int MAX_ERRORS = 50;

    public Problem {
        if (errors.size() > MAX_ERRORS) {
            errorsOmitted = (errorsOmitted == null ? 0 : errorsOmitted) + errors.size() - MAX_ERRORS;
            errors = errors.subList(0, MAX_ERRORS);
        }
        errors = List.copyOf(errors);
    }
}
