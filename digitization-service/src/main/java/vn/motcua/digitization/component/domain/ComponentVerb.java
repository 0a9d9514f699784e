package vn.motcua.digitization.component.domain;

/** What can be done to a component. */
public enum ComponentVerb {
    ATTACH,
    /** The check found the file matches the original: the QR-stamped version is written. */
    CHECK_PASSED,
    /** The check found it does not: back to PENDING with a note, a new scan is needed. */
    CHECK_FAILED,
    CONFIRM,
    EXEMPT,
    FILL_FROM_WAREHOUSE
}
