package vn.motcua.digitization.document.domain;

/** How a document version came to exist: from a person's upload, or written by the service from an earlier one. */
public enum VersionOrigin {
    UPLOADED,
    /** The previous version with the QR stamp at the top left of its first page. */
    QR_STAMPED
}
