package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Locale;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.RegimeSelection;

/**
 * The deployment's {@link RegimeSelection}: by date unless {@code motcua.dossier.legal-regime-override} names a
 * regime (the demo's seed scenario). The override only decides the regime of dossiers filed from now on.
 */
@Factory
public class RegimeSettings {

    @Singleton
    RegimeSelection regimeSelection(@Value("${motcua.dossier.legal-regime-override:}") String override) {
        if (override == null || override.isBlank() || override.equalsIgnoreCase("BY_DATE")) {
            return RegimeSelection.byDate();
        }
        return RegimeSelection.forced(LegalRegime.valueOf(override.trim().toUpperCase(Locale.ROOT)));
    }
}
