package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.payment.v1.Payment;

/**
 * Crash safety of callbacks (the kill -9 case, short of killing the JVM): the answer is sent only after the
 * transaction commits. A handling that dies after its writes and before its commit leaves nothing behind, not even
 * a receipt number, and the provider (which got no "00") delivers again; the redelivery is applied exactly once.
 */
@MicronautTest(transactional = false)
class CallbackRedeliveryIT extends PaymentItSupport {

    @Inject
    CrashBeforeCommit crash;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(CrashBeforeCommit.ENABLED, "true");
    }

    @Test
    void aCallbackWhoseHandlingDiedBeforeCommitIsAppliedOnceWhenRedelivered() {
        Payment created = create("D-CRASH");
        start(created.getId());
        Map<String, String> ipn = notification(created.getId() + "-1", 45_000, "00", "14005555");

        crash.arm();
        assertThat(callback(ipn).getProviderCode()).isEqualTo("99");
        assertThat(strings("SELECT state FROM payment WHERE id = ?", created.getId()))
                .containsExactly("STARTED");
        assertThat(strings("SELECT state FROM payment_attempt WHERE payment_id = ?", created.getId()))
                .containsExactly("STARTED");
        assertThat(count("SELECT COUNT(*) FROM receipt")).isZero();
        assertThat(count("SELECT COUNT(*) FROM receipt_counter")).isZero();
        assertThat(events(created.getId())).containsExactly("payment.requested");

        // the provider's retry
        assertThat(callback(ipn).getProviderCode()).isEqualTo("00");
        assertThat(callback(ipn).getProviderCode()).isEqualTo("02");
        assertThat(strings("SELECT state FROM payment WHERE id = ?", created.getId()))
                .containsExactly("SUCCESS");
        assertThat(strings("SELECT number FROM receipt WHERE payment_id = ?", created.getId()))
                .singleElement()
                .asString()
                .endsWith("/000001");
        assertThat(events(created.getId())).containsExactly("payment.requested", "payment.paid");
    }
}
