package vn.motcua.digitization.document.service;

/**
 * A file the service wrote itself, already inspected and in the blob store under its SHA-256, not yet a version of
 * any document ({@link DocumentStore#prepareDerivedVersion}, then {@link DocumentStore#addPreparedVersion}).
 */
public record DerivedContent(String sha256, long size, String mediaType, int pageCount) {}
