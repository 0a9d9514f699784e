package vn.motcua.report.projection.domain;

/** A dossier's II.06a class, as dossier_fact.timeliness stores it. */
public enum Timeliness {
    EARLY,
    ON_TIME,
    LATE,
    /** not resolved (yet) */
    OPEN
}
