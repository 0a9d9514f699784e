package vn.motcua.digitization.component.service;

import java.util.List;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;

/** A dossier as dossier-service showed it to the caller, with its components. */
public record DossierComponents(LinkedDossier dossier, List<ComponentView> components) {

    /** Every component CONFIRMED or EXEMPT. */
    public boolean complete() {
        return !components.isEmpty()
                && components.stream().allMatch(c -> c.component().state().done());
    }
}
