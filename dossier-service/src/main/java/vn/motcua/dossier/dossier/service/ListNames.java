package vn.motcua.dossier.dossier.service;

import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.dossier.dossier.domain.DossierState;

/** Parts of the list names page tokens are bound to; a set of states in one canonical order. */
final class ListNames {

    private ListNames() {}

    static String states(Set<DossierState> states) {
        return states.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
