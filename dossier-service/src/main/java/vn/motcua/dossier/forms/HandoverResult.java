package vn.motcua.dossier.forms;

/**
 * Result column of the control slip (domain.md 6.3 classification). A row whose step is not
 * finished yet has no result; that is a null {@link HandoverRow#result()}, printed blank.
 */
public enum HandoverResult {
    EARLY("Trước hạn"),
    ON_TIME("Đúng hạn"),
    LATE("Quá hạn");

    private final String label;

    HandoverResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
