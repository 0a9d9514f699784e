package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.payment.receipt.service.ReceiptIssuer;

/**
 * Receipt numbers of one unit and year: 1000 issued concurrently (each in its own paying transaction) are exactly
 * 1..1000; a rolled-back payment gives its number back.
 */
@MicronautTest(transactional = false)
class ReceiptSeriesIT extends PaymentItSupport {

    @Inject
    ReceiptIssuer issuer;

    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void aThousandConcurrentReceiptsOfOneUnitAndYearAreNumberedOneToAThousand() throws Exception {
        Instant paidAt = Instant.parse("2026-06-01T03:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Receipt>> issued = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String paymentId = "PAY-SERIES-" + i;
                issued.add(pool.submit(() -> {
                    go.await();
                    return tx.executeWrite(status -> issuer.issue(paymentId, "99001", 20_000, paidAt));
                }));
            }
            go.countDown();
            List<Long> seqs = new ArrayList<>();
            for (Future<Receipt> f : issued) {
                seqs.add(f.get(5, TimeUnit.MINUTES).seq());
            }
            assertThat(seqs)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 1000).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(strings("SELECT number FROM receipt WHERE unit_code = '99001' ORDER BY seq"))
                .hasSize(1000)
                .doesNotHaveDuplicates()
                .startsWith("99001/2026/000001")
                .endsWith("99001/2026/001000");
        // another year and another unit have their own series
        Receipt nextYear =
                tx.executeWrite(s -> issuer.issue("PAY-Y", "99001", 1, Instant.parse("2026-12-31T17:00:00Z")));
        assertThat(nextYear.number()).isEqualTo("99001/2027/000001");
        Receipt otherUnit = tx.executeWrite(s -> issuer.issue("PAY-U", "99002", 1, paidAt));
        assertThat(otherUnit.number()).isEqualTo("99002/2026/000001");
    }

    @Test
    void aRolledBackPaymentLeavesNoGap() {
        Instant paidAt = Instant.parse("2026-06-01T03:00:00Z");
        tx.executeWrite(s -> issuer.issue("PAY-RB-1", "99003", 1, paidAt));
        try {
            tx.executeWrite(s -> {
                issuer.issue("PAY-RB-2", "99003", 1, paidAt);
                throw new IllegalStateException("the paying transaction fails after the number was taken");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(tx.executeWrite(s -> issuer.issue("PAY-RB-3", "99003", 1, paidAt))
                        .number())
                .isEqualTo("99003/2026/000002");
    }
}
