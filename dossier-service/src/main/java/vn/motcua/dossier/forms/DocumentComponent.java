package vn.motcua.dossier.forms;

import java.util.Objects;

/** One paper of the dossier as listed on the receipt (thành phần hồ sơ). */
public record DocumentComponent(String name, CopyKind kind, int quantity) {
    public DocumentComponent {
        Objects.requireNonNull(name, "component name");
        Objects.requireNonNull(kind, "component kind");
        if (quantity < 1) {
            throw new IllegalArgumentException("component quantity must be >= 1: " + quantity);
        }
    }
}
