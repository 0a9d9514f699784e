package vn.motcua.payment.reconciliation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Matches a unit's settlement file for a day against the online payments the unit was paid that day, by order
 * reference: same amount = matched, else AMOUNT_DIFFERS; only here = MISSING_IN_SETTLEMENT; only in the file =
 * MISSING_HERE. A line of an order paid to another unit is not this unit's business and is left out (one merchant
 * may serve several units, and its file then lists them all).
 */
public final class SettlementMatcher {

    private SettlementMatcher() {}

    /**
     * @param paidThatDay   the unit's successful attempts settled that day (Asia/Ho_Chi_Minh)
     * @param knownOrders   successful attempts, of any unit and day, for order references of the file that are not
     *                      in {@code paidThatDay} (to tell another unit's order from one not paid here)
     */
    public static Reconciliation match(
            String unitCode,
            LocalDate date,
            List<SettlementLine> file,
            List<PaidOrder> paidThatDay,
            List<PaidOrder> knownOrders) {
        Map<String, PaidOrder> here = new LinkedHashMap<>();
        paidThatDay.forEach(p -> here.put(p.orderRef(), p));
        Map<String, PaidOrder> known = new LinkedHashMap<>();
        knownOrders.forEach(p -> known.put(p.orderRef(), p));
        List<Mismatch> mismatches = new ArrayList<>();
        int matched = 0;
        for (SettlementLine line : file) {
            PaidOrder paid = here.remove(line.orderRef());
            if (paid != null) {
                if (paid.amountDong() == line.amountDong()) {
                    matched++;
                } else {
                    mismatches.add(new Mismatch(
                            MismatchKind.AMOUNT_DIFFERS,
                            line.orderRef(),
                            paid.paymentId(),
                            paid.dossierCode(),
                            paid.amountDong(),
                            line.amountDong()));
                }
                continue;
            }
            PaidOrder elsewhere = known.get(line.orderRef());
            if (elsewhere != null && !Objects.equals(elsewhere.unitCode(), unitCode)) {
                continue;
            }
            // not paid here, or paid to this unit on another day: either way this day's books do not show it
            mismatches.add(new Mismatch(
                    MismatchKind.MISSING_HERE,
                    line.orderRef(),
                    elsewhere == null ? "" : elsewhere.paymentId(),
                    elsewhere == null ? "" : elsewhere.dossierCode(),
                    null,
                    line.amountDong()));
        }
        for (PaidOrder unsettled : here.values()) {
            mismatches.add(new Mismatch(
                    MismatchKind.MISSING_IN_SETTLEMENT,
                    unsettled.orderRef(),
                    unsettled.paymentId(),
                    unsettled.dossierCode(),
                    unsettled.amountDong(),
                    null));
        }
        mismatches.sort(Comparator.comparing(Mismatch::orderRef).thenComparing(Mismatch::kind));
        return new Reconciliation(unitCode, date, true, matched, mismatches);
    }
}
