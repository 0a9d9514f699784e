package vn.motcua.dossier.forms;

import java.util.Objects;

/**
 * Overrides who signs the issuer's block, e.g. the head of the competent agency on the
 * apology letter. Without it each form uses its default position and the dossier's officer.
 *
 * @param position upper-case position, e.g. "THỦ TRƯỞNG CƠ QUAN"
 * @param name     printed under the signature space; may be null to leave it for handwriting
 */
public record Signatory(String position, String name) {
    public Signatory {
        Objects.requireNonNull(position, "position");
    }
}
