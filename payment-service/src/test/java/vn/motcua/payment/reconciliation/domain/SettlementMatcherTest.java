package vn.motcua.payment.reconciliation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementMatcherTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void aFileWithOneMissingAndOneMismatchedLineReportsExactlyThoseTwo() {
        List<PaidOrder> paid = List.of(
                paid("PAY-A-1", "11077", 20_000), paid("PAY-B-1", "11077", 35_000), paid("PAY-C-2", "11077", 50_000));
        List<SettlementLine> file = List.of(line(2, "PAY-A-1", 20_000), line(3, "PAY-B-1", 30_000));

        Reconciliation r = SettlementMatcher.match("11077", DAY, file, paid, List.of());

        assertThat(r.imported()).isTrue();
        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.mismatches())
                .containsExactly(
                        new Mismatch(
                                MismatchKind.AMOUNT_DIFFERS, "PAY-B-1", "PAY-B", "DOSSIER-PAY-B", 35_000L, 30_000L),
                        new Mismatch(
                                MismatchKind.MISSING_IN_SETTLEMENT,
                                "PAY-C-2",
                                "PAY-C",
                                "DOSSIER-PAY-C",
                                50_000L,
                                null));
    }

    @Test
    void aLineNotPaidHereIsMissingHereAndAnotherUnitsOrderIsNotThisUnitsBusiness() {
        List<SettlementLine> file =
                List.of(line(2, "PAY-A-1", 20_000), line(3, "PAY-UNKNOWN-1", 10_000), line(4, "PAY-OTHER-1", 15_000));
        List<PaidOrder> known = List.of(paid("PAY-OTHER-1", "11080", 15_000));

        Reconciliation r =
                SettlementMatcher.match("11077", DAY, file, List.of(paid("PAY-A-1", "11077", 20_000)), known);

        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.mismatches())
                .containsExactly(new Mismatch(MismatchKind.MISSING_HERE, "PAY-UNKNOWN-1", "", "", null, 10_000L));
    }

    @Test
    void anOrderOfThisUnitPaidOnAnotherDayIsMissingHereWithItsPayment() {
        List<SettlementLine> file = List.of(line(2, "PAY-D-1", 20_000));

        Reconciliation r =
                SettlementMatcher.match("11077", DAY, file, List.of(), List.of(paid("PAY-D-1", "11077", 20_000)));

        assertThat(r.mismatches())
                .containsExactly(
                        new Mismatch(MismatchKind.MISSING_HERE, "PAY-D-1", "PAY-D", "DOSSIER-PAY-D", null, 20_000L));
    }

    @Test
    void everythingMatchingReportsNoMismatch() {
        Reconciliation r = SettlementMatcher.match(
                "11077",
                DAY,
                List.of(line(2, "PAY-A-1", 20_000)),
                List.of(paid("PAY-A-1", "11077", 20_000)),
                List.of());

        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.mismatches()).isEmpty();
    }

    private static PaidOrder paid(String orderRef, String unit, long amount) {
        String payment = orderRef.substring(0, orderRef.lastIndexOf('-'));
        return new PaidOrder(
                orderRef,
                payment,
                unit,
                "DOSSIER-" + payment,
                amount,
                "T" + orderRef,
                Instant.parse("2026-12-07T02:00:00Z"));
    }

    private static SettlementLine line(int n, String orderRef, long amount) {
        return new SettlementLine(
                n, orderRef, "T" + orderRef, amount, "VND", LocalDateTime.of(2026, 12, 7, 9, 0), "00");
    }
}
