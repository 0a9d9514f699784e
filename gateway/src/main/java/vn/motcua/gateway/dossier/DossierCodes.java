package vn.motcua.gateway.dossier;

import vn.motcua.gateway.validation.Violations;

/** Dossier codes in paths are checked before any call, so junk never reaches a service or a log. */
final class DossierCodes {

    private DossierCodes() {}

    static String require(String code) {
        Violations violations = new Violations();
        String valid = violations.code("code", code, true);
        violations.throwIfAny();
        return valid;
    }
}
