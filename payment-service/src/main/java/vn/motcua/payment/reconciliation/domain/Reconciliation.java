package vn.motcua.payment.reconciliation.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of matching one unit's day.
 *
 * @param imported whether a settlement file was imported for that unit and day; without one nothing is compared
 * @param matched  orders found on both sides with the same amount
 */
public record Reconciliation(
        String unitCode, LocalDate date, boolean imported, int matched, List<Mismatch> mismatches) {

    public Reconciliation {
        mismatches = List.copyOf(mismatches);
    }

    public static Reconciliation notImported(String unitCode, LocalDate date) {
        return new Reconciliation(unitCode, date, false, 0, List.of());
    }
}
