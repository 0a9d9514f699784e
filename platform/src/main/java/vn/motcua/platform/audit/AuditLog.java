package vn.motcua.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.Caller;

/**
 * The administrative audit trail: one JSON object per line on the logger {@code motcua.audit}. Each process's
 * logback.xml sends that logger to its output and appends it to the file MOTCUA_AUDIT_LOG (prudent mode: the gateway
 * and dossier-service may share one file), wrapped as {@code {"at": ..., "audit": <line>}}. Lines carry who (actorId,
 * actor, actorUnit), what (action), on what (target), the outcome ({@link Outcome}) with a reason unless OK, and the
 * request id; never a password or a token.
 */
@Singleton
public class AuditLog {

    public static final String LOGGER_NAME = "motcua.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);
    private static final int MAX_TARGET = 64;

    /** How an administrative request ended. */
    public enum Outcome {
        /** applied (or an idempotent replay of an applied change) */
        OK,
        /** refused: the caller may not do this */
        DENIED,
        /** refused before anyone was known: no or no valid token */
        UNAUTHENTICATED,
        /** invalid input, a rule, a missing target or a technical failure */
        FAILED
    }

    private final JsonMapper json;

    public AuditLog(JsonMapper json) {
        this.json = json;
    }

    /**
     * The line of a request decided (or refused) as a whole: action, outcome, reason unless OK, the caller (null when
     * none was known), the target (client text: cut at 64 characters) and the request id.
     */
    public void write(
            String action,
            Outcome outcome,
            @Nullable String reason,
            @Nullable Caller caller,
            @Nullable String target,
            @Nullable String requestId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("action", action);
        line.put("outcome", outcome.name());
        if (reason != null) {
            line.put("reason", reason);
        }
        line.put("actorId", caller == null ? null : caller.subject());
        line.put("actor", caller == null ? null : caller.username());
        line.put("actorUnit", caller == null ? null : caller.unitCode());
        line.put(
                "target",
                target == null || target.isBlank()
                        ? null
                        : target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target);
        line.put("requestId", requestId);
        write(line);
    }

    /** Writes one line; the keys keep their order. A line that cannot be serialised is still written, shorter. */
    public void write(Map<String, Object> line) {
        try {
            AUDIT.info(json.writeValueAsString(line));
        } catch (IOException e) {
            // an audit line must never be lost silently; still one JSON object per line
            AUDIT.error(
                    "{\"action\":{},\"outcome\":{},\"actorId\":{},"
                            + "\"error\":\"audit line could not be serialised\"}",
                    quoted(line.get("action")),
                    quoted(line.get("outcome")),
                    quoted(line.get("actorId")));
        }
    }

    private static String quoted(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
