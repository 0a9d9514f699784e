package vn.motcua.dossier.forms;

/**
 * Which official form set a document is printed from.
 *
 * <p>Deliberately a local enum rather than the platform-wide legal-regime type: the form
 * generator only needs to know the form set, and keeping it local lets this package be reused
 * (and tested) without the rest of the platform. Callers map their regime onto this one.
 *
 * <p>It selects the <em>form set</em>, not the law in force on a date: domain.md 18.5 notes
 * local units that still printed the 2018 numbering after Circular 03/2025 took effect, so
 * the choice is left to configuration instead of being derived from a date.
 */
public enum FormRegime {
    /** Decree 61/2018 + Circular 01/2018/TT-VPCP: Mẫu 01–06. */
    REGIME_2018("Thông tư số 01/2018/TT-VPCP"),
    /** Decree 118/2025 + Circular 03/2025/TT-VPCP: Mẫu 01–07 (adds the stop notice). */
    REGIME_2025("Thông tư số 03/2025/TT-VPCP");

    private final String circular;

    FormRegime(String circular) {
        this.circular = circular;
    }

    /** The circular that issues the form set, as printed under the form number. */
    public String circular() {
        return circular;
    }
}
