package vn.motcua.gateway.dossier;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.problem.FieldError;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.validation.Violations;

/**
 * The input of one action on a versioned resource: the resource's code or id from the path (a dossier's code, a
 * payment's id), the request id from Idempotency-Key, the revision the caller decided on from If-Match (optional) and
 * the (optional) JSON body, all checked together so that one 400 lists every problem. Call {@link #done()} after
 * reading the fields and before calling the service. Public because payment actions read the same headers by the
 * same rules: one reader keeps them from drifting apart (and keeps the If-Match guard in {@link #revision}).
 */
public final class ActionInput {

    private final Violations violations = new Violations();
    private final String pathValue;
    private final String requestId;

    @Nullable
    private final Long expectedRevision;

    private final JsonBody body;

    private ActionInput(
            JsonMapper json,
            HttpRequest<?> request,
            String pathField,
            String pathValue,
            @Nullable String idempotencyKey,
            @Nullable String body,
            boolean bodyRequired,
            Set<String> fields) {
        this.pathValue = violations.code(pathField, pathValue, true);
        this.requestId = IdempotencyKeys.requestId(idempotencyKey, violations);
        this.expectedRevision = EntityTags.ifMatch(request.getHeaders().get(HttpHeaders.IF_MATCH), violations);
        this.body = JsonBody.read(json, body, bodyRequired, fields, violations);
    }

    /** A body is optional: absent reads as {}. */
    static ActionInput of(
            JsonMapper json,
            HttpRequest<?> request,
            String code,
            @Nullable String idempotencyKey,
            @Nullable String body,
            Set<String> fields) {
        return new ActionInput(json, request, "code", code, idempotencyKey, body, false, fields);
    }

    /** A body with at least one required field: absent is a 400. */
    static ActionInput withBody(
            JsonMapper json,
            HttpRequest<?> request,
            String code,
            @Nullable String idempotencyKey,
            @Nullable String body,
            Set<String> fields) {
        return new ActionInput(json, request, "code", code, idempotencyKey, body, true, fields);
    }

    /**
     * Like {@link #withBody} for a resource whose path parameter is not a dossier's code: its problems are reported
     * under {@code pathField} (e.g. "id" for a payment), the name the client sees in the route.
     */
    public static ActionInput withBodyAt(
            JsonMapper json,
            HttpRequest<?> request,
            String pathField,
            String pathValue,
            @Nullable String idempotencyKey,
            @Nullable String body,
            Set<String> fields) {
        return new ActionInput(json, request, pathField, pathValue, idempotencyKey, body, true, fields);
    }

    /**
     * Carries If-Match into the request's expected_revision, so the service refuses the action (412) when the
     * resource changed since the caller read it; the check and the write are one transaction there, not here.
     */
    public <B extends Message.Builder> B revision(B builder) {
        if (expectedRevision == null) {
            return builder;
        }
        Descriptors.FieldDescriptor field = builder.getDescriptorForType().findFieldByName("expected_revision");
        if (field == null) {
            throw ProblemException.invalid(
                    List.of(new FieldError(HttpHeaders.IF_MATCH, "this action does not take If-Match")));
        }
        builder.setField(field, expectedRevision);
        return builder;
    }

    public Violations violations() {
        return violations;
    }

    public JsonBody body() {
        return body;
    }

    /**
     * The reason of an action, passed on as typed: whether it is required and how long it may be is the service's
     * rule per action (WorkflowCommandValidator), reported under the same name. So are an action's note and
     * resultNote (read with {@code body().text(name)}): the service names them note and result_note.
     */
    String reason() {
        return body.text("reason");
    }

    @Nullable
    Timestamp instant(String field, boolean required) {
        Instant value = violations.instant(field, body.string(field), required);
        return value == null ? null : ProtoValues.timestamp(value);
    }

    /** Throws the 400 when anything was wrong; nothing reaches the service before this. */
    public void done() {
        violations.throwIfAny();
    }

    /** The validated path value: a dossier's code, a payment's id. */
    public String path() {
        return pathValue;
    }

    /** A dossier action's code: its {@link #path()}. */
    String code() {
        return pathValue;
    }

    public String requestId() {
        return requestId;
    }
}
