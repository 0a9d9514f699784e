package vn.motcua.dossier.dossier.domain;

import java.time.LocalDate;

/**
 * How a new dossier gets its legal regime: by the date it is filed ({@link LegalRegime#inForceOn}), unless a
 * deployment forces one regime for the demo (the seed scenario still has a district level, which only the 2018
 * rules know). The choice is made once, at filing, and stored with the dossier: changing the setting later never
 * touches dossiers that already exist.
 *
 * @param forcedRegime null: by date (the law); else every new dossier gets this regime (demo only)
 */
public record RegimeSelection(LegalRegime forcedRegime) {

    public static RegimeSelection byDate() {
        return new RegimeSelection(null);
    }

    public static RegimeSelection forced(LegalRegime regime) {
        return new RegimeSelection(regime);
    }

    /** @param filedOn local day the dossier was submitted online, handed over by post or brought to the counter */
    public LegalRegime forDossierFiledOn(LocalDate filedOn) {
        return forcedRegime != null ? forcedRegime : LegalRegime.inForceOn(filedOn);
    }
}
