package vn.motcua.digitization.component.domain;

/** Why a component is not scanned (Circular 01/2023/TT-VPCP; TT 03/2025 Art 5). */
public enum ExemptionReason {
    /** Only shown for comparison at the desk (xuất trình). */
    PRESENT_ONLY,
    /** Obtained as data from a national or sector database. */
    NATIONAL_DATABASE,
    /** A state-secret document. */
    STATE_SECRET
}
