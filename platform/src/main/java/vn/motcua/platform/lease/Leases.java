package vn.motcua.platform.lease;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Hands out this process's view of named leases, all with the configured holder id and timings. */
@Singleton
public class Leases {

    private final LeaseStore store;
    private final LeaseConfiguration config;
    // this process's own leases and who wants to hear of them (metrics/LeaseMetrics): the leases are named by
    // workers while the context starts, in no fixed order relative to the listeners
    private final List<Lease> handedOut = new ArrayList<>();
    private final List<Consumer<Lease>> listeners = new ArrayList<>();

    public Leases(LeaseStore store, LeaseConfiguration config) {
        config.check();
        this.store = store;
        this.config = config;
    }

    public Lease named(String name) {
        return named(name, config.getHolderId());
    }

    /** Another holder id in the same process: tests play two replicas with it. */
    public Lease named(String name, String holderId) {
        Lease lease = new Lease(store, name, holderId, config);
        if (holderId.equals(config.getHolderId())) {
            List<Consumer<Lease>> toTell;
            synchronized (this) {
                handedOut.add(lease);
                toTell = List.copyOf(listeners);
            }
            toTell.forEach(listener -> listener.accept(lease));
        }
        return lease;
    }

    /**
     * Calls {@code listener} with every lease this process has named under its own holder id so far and with each
     * one it names from now on.
     */
    public void onEachLease(Consumer<Lease> listener) {
        List<Lease> known;
        synchronized (this) {
            listeners.add(listener);
            known = new ArrayList<>(handedOut);
        }
        known.forEach(listener);
    }

    public LeaseConfiguration configuration() {
        return config;
    }
}
