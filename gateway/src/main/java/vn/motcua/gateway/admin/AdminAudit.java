package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.platform.audit.AuditLog;
import vn.motcua.platform.auth.Caller;

/**
 * The audit trail of user administration: one JSON line per action (allowed, refused or failed) on the dedicated
 * logger {@code motcua.audit} ({@link AuditLog}), with who (actor id, username, unit), what (action), on whom (target
 * user id and username), where (unit) and which roles, the outcome and the request id. Never a password.
 * <p>
 * logback.xml appends the lines to their own file (MOTCUA_AUDIT_LOG) besides the gateway's output; Keycloak's admin
 * events keep a second, durable record of the same changes, made under the gateway's service account. The gateway
 * holds no database, so a tamper-evident store is left to the operator's log shipping. Unit and calendar changes are
 * audited by dossier-service, which decides them; the gateway writes a line for those only when it answered without
 * the service ({@link AdministrationAuditFilter}).
 */
@Singleton
public class AdminAudit {

    public static final String LOGGER_NAME = AuditLog.LOGGER_NAME;
    /** Request attribute: this request's audit line is written (the filter must not write another). */
    static final String AUDITED = "motcua.admin.audited";

    public enum Outcome {
        OK,
        DENIED,
        FAILED
    }

    private final AuditLog log;

    public AdminAudit(AuditLog log) {
        this.log = log;
    }

    /**
     * One line for an administrative request that ended in the gateway, by its HTTP status: refused before the
     * controller (401 without a valid token, 403 for the wrong role), refused by the controller's own checks (400),
     * or not answered by the service (5xx).
     */
    public void recordForwarded(
            HttpRequest<?> request, @Nullable Caller caller, String action, @Nullable String target, int status) {
        AuditLog.Outcome outcome = status < 400
                ? AuditLog.Outcome.OK
                : status == 401
                        ? AuditLog.Outcome.UNAUTHENTICATED
                        : status == 403 ? AuditLog.Outcome.DENIED : AuditLog.Outcome.FAILED;
        request.setAttribute(AUDITED, Boolean.TRUE);
        log.write(
                action,
                outcome,
                outcome == AuditLog.Outcome.OK ? null : "HTTP_" + status,
                caller,
                target,
                RequestIds.of(request));
    }

    public void record(
            HttpRequest<?> request,
            AdminRules.Admin actor,
            String action,
            Outcome outcome,
            @Nullable String reason,
            @Nullable String targetId,
            @Nullable String targetUsername,
            @Nullable String unit,
            Collection<String> roles) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("action", action);
        line.put("outcome", outcome.name());
        if (reason != null) {
            line.put("reason", reason);
        }
        line.put("actorId", actor.subject());
        line.put("actor", actor.username());
        line.put("actorUnit", actor.unitCode());
        line.put("targetId", targetId);
        line.put("targetUsername", targetUsername);
        line.put("unit", unit);
        line.put("roles", List.copyOf(roles));
        line.put("requestId", RequestIds.of(request));
        write(request, line);
    }

    private void write(HttpRequest<?> request, Map<String, Object> line) {
        request.setAttribute(AUDITED, Boolean.TRUE);
        log.write(line);
    }

    static boolean isAudited(HttpRequest<?> request) {
        return request.getAttribute(AUDITED).isPresent();
    }
}
