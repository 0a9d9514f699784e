package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.gateway.validation.Violations;

/**
 * The {@code Idempotency-Key} header becomes the RPC's request_id: a client that retries with the same key gets the
 * first result instead of a second dossier. Without a key every request is new.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {}

    public static String requestId(@Nullable String key, Violations violations) {
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        if (!RequestIds.isSafe(key)) {
            violations.add(HEADER, "must be 1-128 letters, digits, '.', '_', ':' or '-'");
            return "";
        }
        return key;
    }
}
