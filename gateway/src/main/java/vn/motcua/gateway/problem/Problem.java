package vn.motcua.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * RFC 9457 problem details, extended with the platform's stable {@code reason} (google.rpc.ErrorInfo), the request
 * id for support calls, and field-level errors. {@code detail} is left out when there is nothing safe to say.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, @Nullable String detail, String reason,
                      String requestId, List<FieldError> errors) {

    public Problem {
        errors = List.copyOf(errors);
    }
}
