package vn.motcua.dossier.dossier.domain;

/** How the dossier reached the one-stop unit; DVCQG KenhThucHien codes 1, 2, 3. */
public enum Channel {
    COUNTER(1),
    ONLINE(2),
    POSTAL(3);

    private final int dvcqgCode;

    Channel(int dvcqgCode) {
        this.dvcqgCode = dvcqgCode;
    }

    public int dvcqgCode() {
        return dvcqgCode;
    }
}
