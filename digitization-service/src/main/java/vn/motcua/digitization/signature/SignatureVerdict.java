package vn.motcua.digitization.signature;

/** The one word an officer needs about a file's signatures; the order is from best to worst. */
public enum SignatureVerdict {
    /** Every signature intact, covering the whole file, its signer chaining to a trusted root. */
    VALID,
    /** No signature at all (or not a PDF). */
    UNSIGNED,
    /** A signature does not match the signed bytes, or bytes were added after the last signature. */
    TAMPERED,
    /** Intact, but the signer does not chain to a configured trusted root, or was not valid when signing. */
    UNTRUSTED,
    /** Unreadable or unsupported signature data. */
    MALFORMED
}
