package vn.motcua.payment.reconciliation.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.payment.reconciliation.domain.PaidOrder;
import vn.motcua.payment.reconciliation.domain.SettlementLine;
import vn.motcua.payment.reconciliation.repository.JdbcPaidOnlineOrders;
import vn.motcua.payment.reconciliation.repository.SettlementRepository;
import vn.motcua.platform.testing.TestPorts;

/**
 * The embedded default (./motcua up without MariaDB): V10 and reconciliation's hand-written SQL (the upsert that
 * locks a day, the request claim, the join on the payment tables) also run on H2 in MySQL mode.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationSqlOnH2Test implements TestPropertyProvider {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00.123456Z");

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    SettlementRepository settlements;

    @Inject
    JdbcPaidOnlineOrders orders;

    /** The service's pool keeps this in-memory database open; the test's own connections reach it by name. */
    private final String url = "jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,DAY,MONTH,YEAR";

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", url, "grpc.server.port", Integer.toString(TestPorts.free()));
    }

    @Test
    void settlementDaysAreReplacedWholeOnH2() {
        SettlementLine a = line(2, "PAY-A-1", 20_000);
        SettlementLine b = line(3, "PAY-B-1", 35_000);
        write(() -> {
            settlements.replace("11077", DAY, List.of(a, b), "f".repeat(64), "mc.ngocson", NOW);
            return null;
        });
        write(() -> {
            settlements.replace("11077", DAY, List.of(b), "e".repeat(64), "mc.ngocson", NOW.plusSeconds(60));
            return null;
        });

        assertThat(write(() -> settlements.imported("11077", DAY))).isTrue();
        assertThat(write(() -> settlements.imported("11077", DAY.plusDays(1)))).isFalse();
        assertThat(write(() -> settlements.lines("11077", DAY))).containsExactly(b);
    }

    @Test
    void paidOnlineOrdersAreReadFromThePaymentTablesOnH2() throws SQLException {
        PaymentTables tables = PaymentTables.h2(() -> DriverManager.getConnection(url, "sa", ""));
        tables.payment("PAY-H2A", "11077", "D-1");
        tables.attempt("PAY-H2A-1", "PAY-H2A", "FAILED_DECLINED", 20_000, "T0", Instant.parse("2026-12-07T01:00:00Z"));
        tables.attempt("PAY-H2A-2", "PAY-H2A", "SUCCESS", 20_000, "T1", Instant.parse("2026-12-07T02:00:00.5Z"));
        tables.payment("PAY-H2B", "11080", "D-2");
        tables.attempt("PAY-H2B-1", "PAY-H2B", "SUCCESS", 30_000, "T2", Instant.parse("2026-12-07T03:00:00Z"));

        List<PaidOrder> paid = write(() -> orders.settledBetween(
                "11077", Instant.parse("2026-12-06T17:00:00Z"), Instant.parse("2026-12-07T17:00:00Z")));
        List<PaidOrder> byRef = write(() -> orders.byOrderRefs(List.of("PAY-H2B-1", "PAY-H2A-1", "NONE")));

        assertThat(paid)
                .containsExactly(new PaidOrder(
                        "PAY-H2A-2", "PAY-H2A", "11077", "D-1", 20_000, "T1", Instant.parse("2026-12-07T02:00:00.5Z")));
        assertThat(byRef)
                .extracting(PaidOrder::orderRef, PaidOrder::unitCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAY-H2B-1", "11080"));
    }

    private static SettlementLine line(int n, String orderRef, long amount) {
        return new SettlementLine(n, orderRef, "T" + n, amount, "VND", LocalDateTime.of(2026, 12, 7, 9, 0, 1), "00");
    }

    private <T> T write(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }
}
