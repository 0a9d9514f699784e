package vn.motcua.platform.idempotency;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * request_id handling of every mutating RPC (architecture.md §3): the same id with the same body returns the first
 * result, with another body fails with ALREADY_EXISTS / REQUEST_ID_REUSED. Ids are per caller and operation.
 *
 * <p>{@link #claim} must be the first statement of the business transaction: a concurrent duplicate then blocks on
 * the key until the first transaction ends, and a rejected or failed request rolls its claim back with everything
 * else, so it may be retried with the same id.
 */
@Singleton
public class RequestIdempotency {

    private final IdempotencyRepository requests;

    public RequestIdempotency(IdempotencyRepository requests) {
        this.requests = requests;
    }

    /**
     * @param requestId   null or empty: the request is not idempotent, the claim is always fresh
     * @param fingerprint {@link #fingerprint} of every field of the request body
     */
    public Claim claim(Caller caller, String operation, String requestId, String fingerprint, Instant now) {
        if (requestId == null || requestId.isEmpty()) {
            return new Claim(null, caller.subject(), operation, null, null);
        }
        if (requests.claim(caller.subject(), operation, requestId, fingerprint, now)) {
            return new Claim(requests, caller.subject(), operation, requestId, null);
        }
        IdempotencyRepository.Claimed claimed = requests.find(caller.subject(), operation, requestId)
                .orElseThrow(() -> new IllegalStateException("claimed request vanished"));
        if (!Objects.equals(claimed.bodyHash(), fingerprint)) {
            throw DomainException.of(
                    ErrorKind.ALREADY_EXISTS,
                    ErrorReason.REQUEST_ID_REUSED,
                    "request_id " + requestId + " was already used with a different request");
        }
        if (claimed.resultRef() == null) {
            throw new IllegalStateException("request " + operation + "/" + requestId + " committed without a result");
        }
        return new Claim(null, caller.subject(), operation, requestId, claimed.resultRef());
    }

    /**
     * A read-only look for a committed earlier request with this id, for callers that must do work in their own
     * transaction before {@link #claim} (the dossier code, ADR 0006) and do not want a replay to do it. A request
     * still in flight is not seen: its duplicate finds it later in {@link #claim}, which stays the authority.
     *
     * @return the first request's result, or empty when there is none committed (or no request id)
     * @throws DomainException ALREADY_EXISTS / REQUEST_ID_REUSED when the id was used with another body
     */
    public Optional<String> committedResult(Caller caller, String operation, String requestId, String fingerprint) {
        if (requestId == null || requestId.isEmpty()) {
            return Optional.empty();
        }
        Optional<IdempotencyRepository.Claimed> claimed = requests.find(caller.subject(), operation, requestId);
        if (claimed.isEmpty() || claimed.get().resultRef() == null) {
            return Optional.empty();
        }
        if (!Objects.equals(claimed.get().bodyHash(), fingerprint)) {
            throw DomainException.of(
                    ErrorKind.ALREADY_EXISTS,
                    ErrorReason.REQUEST_ID_REUSED,
                    "request_id " + requestId + " was already used with a different request");
        }
        return Optional.of(claimed.get().resultRef());
    }

    /** SHA-256 over the parts, separated so that ("ab", "c") and ("a", "bc") differ; nulls are distinct from "". */
    public static String fingerprint(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            canonical.append(part == null ? "\u0000" : part.toString()).append('\u001f');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The outcome of a claim.
     *
     * @param resultRef what the first request produced (a dossier code); non-null exactly for a replay
     */
    public record Claim(
            IdempotencyRepository requests, String subject, String operation, String requestId, String resultRef) {

        public boolean isReplay() {
            return resultRef != null;
        }

        /** Remembers the result of a fresh claim, inside the same transaction; a no-op without request id. */
        public void complete(String result) {
            if (requests != null) {
                requests.recordResult(subject, operation, requestId, result);
            }
        }
    }
}
