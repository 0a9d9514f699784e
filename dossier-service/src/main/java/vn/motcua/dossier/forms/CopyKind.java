package vn.motcua.dossier.forms;

/** Whether a submitted paper is the original or a copy; Form 01 must say which. */
public enum CopyKind {
    ORIGINAL("Bản chính"),
    COPY("Bản sao"),
    /** Added because certified copies are common in practice; not named in the brief [U]. */
    CERTIFIED_COPY("Bản sao chứng thực");

    private final String label;

    CopyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
