package vn.motcua.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What metrics/LeaseMetrics relies on: hearing of every lease of this process, and reading one without renewing. */
class LeaseListenersTest {

    /** A store that grants every lease and counts how often it was asked. */
    private static final class GrantingStore extends LeaseStore {
        int asked;

        GrantingStore() {
            super(null, null);
        }

        @Override
        public boolean tryAcquire(String name, String holder, Duration duration) {
            asked++;
            return true;
        }

        @Override
        public void release(String name, String holder) {}
    }

    private final GrantingStore store = new GrantingStore();
    private final LeaseConfiguration config = new LeaseConfiguration();

    {
        config.setHolderId("replica-1");
    }

    private final Leases leases = new Leases(store, config);

    @Test
    void aListenerHearsEveryOwnLeaseOnceWhetherNamedBeforeOrAfterItButNotAnotherHoldersOnes() {
        leases.named("feed-relay:dossier-service");
        List<String> heard = new ArrayList<>();

        leases.onEachLease(lease -> heard.add(lease.name()));
        leases.named("feed-consumer:dossier-service:payment-service");
        leases.named("payment-sweep", "replica-2");

        assertThat(heard)
                .containsExactly("feed-relay:dossier-service", "feed-consumer:dossier-service:payment-service");
    }

    @Test
    void heldNowReportsTheLastOutcomeWithoutAskingTheStore() {
        Lease lease = leases.named("payment-sweep");
        assertThat(lease.heldNow()).isFalse();

        assertThat(lease.held()).isTrue();
        int asked = store.asked;

        assertThat(lease.heldNow()).isTrue();
        assertThat(store.asked).isEqualTo(asked);
        lease.release();
        assertThat(lease.heldNow()).isFalse();
    }
}
