package vn.motcua.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can understand and act on. Thrown by domain and service code (which stay free of gRPC
 * types) and turned into a gRPC status with {@code google.rpc.ErrorInfo} in exactly one place, {@link GrpcErrors}.
 */
public class DomainException extends RuntimeException {

    public static final String ERROR_DOMAIN = "motcua.vn";

    private final ErrorKind kind;
    private final ErrorReason reason;
    private final Map<String, String> metadata;
    private final List<FieldViolation> violations;

    public DomainException(
            ErrorKind kind,
            ErrorReason reason,
            String message,
            Map<String, String> metadata,
            List<FieldViolation> violations) {
        super(message, null, false, false);
        this.kind = kind;
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
        this.violations = List.copyOf(violations);
    }

    public static DomainException of(ErrorKind kind, ErrorReason reason, String message) {
        return new DomainException(kind, reason, message, Map.of(), List.of());
    }

    public static DomainException invalid(List<FieldViolation> violations) {
        String summary = violations.stream()
                .map(v -> v.field() + ": " + v.description())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new DomainException(
                ErrorKind.INVALID_ARGUMENT, ErrorReason.INVALID_FIELD, summary, Map.of(), violations);
    }

    public static DomainException invalid(String field, String description) {
        return invalid(List.of(new FieldViolation(field, description)));
    }

    public static DomainException notFound(String what) {
        return of(ErrorKind.NOT_FOUND, ErrorReason.NOT_FOUND, what + " not found");
    }

    public static DomainException illegalTransition(String from, String to, String event) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.ILLEGAL_TRANSITION,
                "cannot " + event + " a dossier in state " + from,
                Map.of("from", from, "to", to, "event", event),
                List.of());
    }

    public static DomainException ruleViolated(String rule, String message) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION, ErrorReason.RULE_VIOLATED, message, Map.of("rule", rule), List.of());
    }

    public static DomainException permissionDenied(String message) {
        return of(ErrorKind.PERMISSION_DENIED, ErrorReason.ROLE_NOT_ALLOWED, message);
    }

    public static DomainException unauthenticated(ErrorReason reason, String message) {
        return of(ErrorKind.UNAUTHENTICATED, reason, message);
    }

    public static DomainException unavailable(ErrorReason reason, String message) {
        return of(ErrorKind.UNAVAILABLE, reason, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    public ErrorReason reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
