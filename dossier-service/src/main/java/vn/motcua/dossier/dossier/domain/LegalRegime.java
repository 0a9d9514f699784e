package vn.motcua.dossier.dossier.domain;

import java.time.LocalDate;

/**
 * The legal rule set a dossier is processed under (domain.md §0.2).
 *
 * <p>The regime is a property of the dossier, not of the clock: a dossier received under Decree 61/2018 keeps
 * those rules even when it is still open after 1 July 2025. It is fixed when the dossier is filed (see
 * {@link RegimeSelection}), stored with it, and passed to the state machine in {@link DossierFacts}.
 *
 * <p>Differences the state machine cares about:
 * <ul>
 *   <li>STOP (dừng giải quyết, Decree 118/2025 Art 21, Circular 03/2025 Art 7) exists only in {@link #REGIME_2025}.
 *   <li>WITHDRAW (rút hồ sơ) behaves the same in both: Decree 61/2018 had no dedicated article for it, but DVCQG
 *       has always had status 7, and Decree 118 Art 21 keeps it next to STOP. Neither circular has a withdrawal
 *       form, so no form is produced. Decree 118 Art 21 itself was not read [U]; if it turns out to require the
 *       stop notice for a withdrawal after acceptance, that is a change of one table row.
 *   <li>Form numbering differs (see {@link DossierForm#templateNumber(LegalRegime)}).
 * </ul>
 */
public enum LegalRegime {
    /** Decree 61/2018 + Decree 107/2021 + Circular 01/2018/TT-VPCP. */
    REGIME_2018,
    /** Decree 118/2025 (+ 367/2025) + Circular 03/2025/TT-VPCP, in force 1 July 2025. */
    REGIME_2025;

    /**
     * First day of Decree 118/2025 and Circular 03/2025 (domain.md §0.2). Circular 03/2025 is dated 15/09/2025 but
     * guides the decree from its entry into force; ADR 0004 records this reading.
     */
    public static final LocalDate REGIME_2025_IN_FORCE = LocalDate.of(2025, 7, 1);

    /** The rules in force on a local (Asia/Ho_Chi_Minh) day: what a dossier filed that day is processed under. */
    public static LegalRegime inForceOn(LocalDate day) {
        return day.isBefore(REGIME_2025_IN_FORCE) ? REGIME_2018 : REGIME_2025;
    }

    public boolean allowsStop() {
        return this == REGIME_2025;
    }
}
