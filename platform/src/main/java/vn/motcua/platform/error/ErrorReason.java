package vn.motcua.platform.error;

/**
 * The stable, documented set of {@code google.rpc.ErrorInfo.reason} values. Clients (and the gateway's
 * problem+json) rely on these names: add new ones, never rename.
 */
public enum ErrorReason {
    /** No bearer token on a call that needs one. */
    TOKEN_MISSING,
    /** Token signature, issuer, audience or expiry is wrong. */
    TOKEN_INVALID,
    /** The caller's roles do not allow this operation. */
    ROLE_NOT_ALLOWED,
    /** The caller has no unit (or citizen id) in the token but the operation needs one. */
    SCOPE_MISSING,
    /** One or more request fields are invalid; details in google.rpc.BadRequest. */
    INVALID_FIELD,
    /** The referenced object does not exist or is outside the caller's scope. */
    NOT_FOUND,
    /** The transition is not allowed from the current state; metadata carries from/to. */
    ILLEGAL_TRANSITION,
    /** A business rule guarding the operation is not met; metadata says which. */
    RULE_VIOLATED,
    /** The same request_id was used before with a different body. */
    REQUEST_ID_REUSED,
    /** A feed cursor older than the retained history. */
    CURSOR_EXPIRED,
    /** The object changed concurrently; retry. */
    CONCURRENT_UPDATE,
    /** The caller acted on an older revision than the current one (HTTP If-Match); reload, then decide again. */
    STALE_REVISION,
    /** Token keys could not be fetched from the identity provider. */
    IDENTITY_PROVIDER_UNAVAILABLE,
    /** A downstream service did not answer. */
    DOWNSTREAM_UNAVAILABLE
}
