package vn.motcua.platform.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import vn.motcua.platform.audit.AuditLog.Outcome;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;

/**
 * Audits administrative changes where they are decided, in the service: every path to the change (the gateway, a
 * direct gRPC call, a script) leaves the same line, refusals included. The line has the gateway's format
 * ({@link AuditLog}); the reason of a refusal is the service's error reason (ROLE_NOT_ALLOWED, INVALID_FIELD, ...).
 */
@Singleton
public class AuditedChanges {

    private final AuditLog log;

    public AuditedChanges(AuditLog log) {
        this.log = log;
    }

    /** Runs the change and writes one line with its outcome; whatever the change throws is rethrown unchanged. */
    public <T> T run(Caller caller, String action, @Nullable String target, Supplier<T> change) {
        T result;
        try {
            result = change.get();
        } catch (DomainException e) {
            Outcome outcome = e.kind() == ErrorKind.PERMISSION_DENIED
                    ? Outcome.DENIED
                    : e.kind() == ErrorKind.UNAUTHENTICATED ? Outcome.UNAUTHENTICATED : Outcome.FAILED;
            write(caller, action, target, outcome, e.reason().name());
            throw e;
        } catch (RuntimeException | Error e) {
            write(caller, action, target, Outcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        write(caller, action, target, Outcome.OK, null);
        return result;
    }

    private void write(
            Caller caller, String action, @Nullable String target, Outcome outcome, @Nullable String reason) {
        log.write(
                action, outcome, reason, caller, target, CallContext.requestId().orElse(null));
    }
}
