package vn.motcua.dossier.dossier.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.GrpcErrors;

/**
 * How a failed call to another service (payment-service, digitization-service) made while an officer waits for a
 * verb becomes one of dossier-service's own errors: not reachable in time is UNAVAILABLE / DOWNSTREAM_UNAVAILABLE
 * naming the service, which a client may retry with the same request id; anything else is the other service's
 * refusal, FAILED_PRECONDITION / RULE_VIOLATED with the caller's rule and the service's code and reason.
 */
final class DownstreamFailures {

    private DownstreamFailures() {}

    /** {@code message} says what did not happen; the service and its status go into the metadata. */
    static DomainException of(String service, String rule, StatusRuntimeException e, String message) {
        Status.Code code = e.getStatus().getCode();
        if (unreachable(code)) {
            return new DomainException(
                    ErrorKind.UNAVAILABLE,
                    ErrorReason.DOWNSTREAM_UNAVAILABLE,
                    service + " is unavailable (" + code + "): " + message + " and nothing changed; try again",
                    Map.of("service", service, "status", code.name()),
                    List.of());
        }
        var info = GrpcErrors.errorInfo(e);
        String reason = info == null ? "" : info.getReason();
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.RULE_VIOLATED,
                service + " refused (" + code + (reason.isEmpty() ? "" : " " + reason) + "): " + message,
                Map.of("rule", rule, "service", service, "status", code.name(), "service_reason", reason),
                List.of());
    }

    /**
     * Worth a retry with the same request id: the request may not have arrived, or not been answered, or reached a
     * version of the service that does not offer the call yet (UNIMPLEMENTED: deployed before its new version).
     */
    static boolean unreachable(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE,
                    DEADLINE_EXCEEDED,
                    INTERNAL,
                    UNKNOWN,
                    ABORTED,
                    RESOURCE_EXHAUSTED,
                    CANCELLED,
                    UNIMPLEMENTED -> true;
            default -> false;
        };
    }
}
