package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.platform.auth.Caller;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of user administration: one JSON line per action (allowed, refused or failed) on the dedicated
 * logger {@code motcua.audit}, with who (actor id, username, unit), what (action), on whom (target user id and
 * username), where (unit) and which roles, the outcome and the request id. Never a password.
 * <p>
 * logback.xml appends the lines to their own file (MOTCUA_AUDIT_LOG) besides the gateway's output; Keycloak's admin
 * events keep a second, durable record of the same changes, made under the gateway's service account. The gateway
 * holds no database, so a tamper-evident store is left to the operator's log shipping.
 */
@Singleton
public class AdminAudit {

    public static final String LOGGER_NAME = "motcua.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);

    public enum Outcome { OK, DENIED, FAILED }

    private final JsonMapper json;

    public AdminAudit(JsonMapper json) {
        this.json = json;
    }

    /**
     * One line for an administrative request the gateway only forwards (units, work calendar): who, which action on
     * which target, and how it ended by HTTP status. The service decides and records the change itself (its feed);
     * this line keeps the person, the refusals and the request id in the same file as user administration.
     */
    public void recordForwarded(HttpRequest<?> request, @Nullable Caller caller, String action,
                                @Nullable String target, int status) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("action", action);
        Outcome outcome = status < 400 ? Outcome.OK : status == 401 || status == 403 ? Outcome.DENIED : Outcome.FAILED;
        line.put("outcome", outcome.name());
        if (outcome != Outcome.OK) {
            line.put("reason", "HTTP_" + status);
        }
        line.put("actorId", caller == null ? null : caller.subject());
        line.put("actor", caller == null ? null : caller.username());
        line.put("actorUnit", caller == null ? null : caller.unitCode());
        line.put("target", target);
        line.put("requestId", RequestIds.of(request));
        write(line, action, outcome, caller == null ? null : caller.subject(), target);
    }

    public void record(HttpRequest<?> request, AdminRules.Admin actor, String action, Outcome outcome,
                       @Nullable String reason, @Nullable String targetId, @Nullable String targetUsername,
                       @Nullable String unit, Collection<String> roles) {
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
        write(line, action, outcome, actor.subject(), targetId);
    }

    private void write(Map<String, Object> line, String action, Outcome outcome, @Nullable String actorId,
                       @Nullable String targetId) {
        try {
            AUDIT.info(json.writeValueAsString(line));
        } catch (IOException e) {
            // an audit line must never be lost silently
            // still one JSON object per line: the ids are Keycloak UUIDs and the action a constant
            AUDIT.error("{\"action\":\"{}\",\"outcome\":\"{}\",\"actorId\":\"{}\",\"targetId\":\"{}\","
                    + "\"error\":\"audit line could not be serialised\"}", action, outcome, actorId, targetId);
        }
    }
}
