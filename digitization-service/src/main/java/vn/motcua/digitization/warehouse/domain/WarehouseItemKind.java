package vn.motcua.digitization.warehouse.domain;

/** What a warehouse item holds. */
public enum WarehouseItemKind {
    /** The electronic result of a dossier. */
    RESULT,
    /** A confirmed digitized component of a dossier. */
    COMPONENT,
    /** An electronic certified copy from an original. */
    CERTIFIED_COPY
}
