package vn.motcua.dossier.forms;

import java.util.List;
import java.util.Objects;

/**
 * The rows to print for one book of the tracking register.
 *
 * @param bookNumber "Quyển số"; books are per year (Circular 01/2018 Art 10(2))
 */
public record RegisterBook(String bookNumber, int year, List<RegisterRow> rows) {
    public RegisterBook {
        Objects.requireNonNull(bookNumber, "bookNumber");
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
