package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.provider.ProviderSigner;
import vn.motcua.proto.payment.v1.Payment;

/**
 * The "done when": one genuine callback delivered 100 times concurrently, mixed with 20 forged or tampered
 * ones, marks the payment paid once, issues one receipt and writes one payment.paid; the forged ones change nothing.
 * Against MariaDB, through the real gRPC server.
 */
@MicronautTest(transactional = false)
class CallbackConcurrencyIT extends PaymentItSupport {

    @Test
    void aHundredGenuineDeliveriesPayOnceAndTwentyForgedOnesChangeNothing() throws Exception {
        Payment created = create("D-CONCURRENT");
        start(created.getId());
        String order = created.getId() + "-1";
        Map<String, String> genuine = notification(order, 45_000, "00", "14009999");

        List<Map<String, String>> forged = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // tampered: a signed genuine message with its amount or code changed afterwards
            Map<String, String> t = new HashMap<>(genuine);
            t.put("amount", Long.toString(4_500 + i));
            forged.add(t);
        }
        for (int i = 0; i < 6; i++) {
            // forged: signed with a secret that is not ours
            Map<String, String> f = new HashMap<>(genuine);
            f.remove(ProviderSigner.HASH);
            f.put("transaction_no", "FORGED-" + i);
            forged.add(new ProviderSigner("guessed-secret-" + i).signed(f));
        }
        for (int i = 0; i < 6; i++) {
            // unsigned, or a hash that is not hex
            Map<String, String> u = new HashMap<>(genuine);
            if (i % 2 == 0) {
                u.remove(ProviderSigner.HASH);
            } else {
                u.put(ProviderSigner.HASH, "zz" + i);
            }
            forged.add(u);
        }
        assertThat(forged).hasSize(20);

        List<Map<String, String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            deliveries.add(genuine);
        }
        deliveries.addAll(forged);
        Collections.shuffle(deliveries);

        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String[]>> answers = new ArrayList<>();
            for (Map<String, String> params : deliveries) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return new String[] {
                        params == genuine ? "genuine" : "forged",
                        callback(params).getProviderCode()
                    };
                }));
            }
            go.countDown();
            Map<String, Integer> genuineCodes = new HashMap<>();
            Map<String, Integer> forgedCodes = new HashMap<>();
            for (Future<String[]> f : answers) {
                String[] a = f.get(2, TimeUnit.MINUTES);
                (a[0].equals("genuine") ? genuineCodes : forgedCodes).merge(a[1], 1, Integer::sum);
            }
            assertThat(genuineCodes).isEqualTo(Map.of("00", 1, "02", 99));
            assertThat(forgedCodes).isEqualTo(Map.of("97", 20));
        } finally {
            pool.shutdownNow();
        }

        assertThat(strings("SELECT state FROM payment WHERE id = ?", created.getId()))
                .containsExactly("SUCCESS");
        assertThat(strings("SELECT transaction_ref FROM payment WHERE id = ?", created.getId()))
                .containsExactly("14009999");
        assertThat(strings("SELECT state FROM payment_attempt WHERE payment_id = ?", created.getId()))
                .containsExactly("SUCCESS");
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE payment_id = ?", created.getId()))
                .isEqualTo(1);
        assertThat(count("SELECT last_seq FROM receipt_counter WHERE unit_code = ?", UNIT))
                .isEqualTo(1);
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid");

        // hours later, the same notification once more: already confirmed, still nothing new
        assertThat(callback(genuine).getProviderCode()).isEqualTo("02");
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid");
        assertThat(count("SELECT COUNT(*) FROM receipt")).isEqualTo(1);
    }
}
