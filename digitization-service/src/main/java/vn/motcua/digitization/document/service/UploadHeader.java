package vn.motcua.digitization.document.service;

import vn.motcua.digitization.document.domain.UploadScope;

/**
 * The first message of an upload, free of proto types.
 *
 * @param requestId    idempotency key per caller; empty: not idempotent
 * @param documentId   empty: a new document; else a new version of that document (same scope)
 * @param declaredSize 0: not announced; else the stream must carry exactly this many bytes
 */
public record UploadHeader(
        String requestId, String fileName, UploadScope scope, String documentId, long declaredSize) {}
