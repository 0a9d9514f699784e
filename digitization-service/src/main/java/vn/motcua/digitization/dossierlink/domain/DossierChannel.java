package vn.motcua.digitization.dossierlink.domain;

/** How the dossier was filed (DVCQG KenhThucHien). */
public enum DossierChannel {
    COUNTER,
    ONLINE,
    POSTAL,
    UNKNOWN;

    public static DossierChannel parse(String name) {
        try {
            return name == null ? UNKNOWN : valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
