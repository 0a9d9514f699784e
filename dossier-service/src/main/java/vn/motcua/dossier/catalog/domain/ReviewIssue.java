package vn.motcua.dossier.catalog.domain;

/** What the TTHC controller's review flags (Decision 766 indicators 1.1 and 1.3, domain.md 8.2 and 14). */
public enum ReviewIssue {
    /** The legal basis is in effect but the version implementing it is not published. */
    IN_EFFECT_NOT_PUBLISHED,
    /** The publication decision is dated later than 5 working days before the effective date. */
    PUBLISHED_LATE,
    /** The version lists no dossier components (thành phần hồ sơ). */
    MISSING_COMPONENTS
}
