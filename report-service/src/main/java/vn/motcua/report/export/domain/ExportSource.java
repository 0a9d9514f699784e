package vn.motcua.report.export.domain;

/** Where an exported report's figures come from. */
public enum ExportSource {
    /** Computed now from the projection. */
    LIVE,
    /** A frozen version: the unit's latest, or the one asked for by id. */
    SUBMITTED,
    /** A parent's consolidation of its children's submitted versions plus its own dossiers. */
    CONSOLIDATED
}
