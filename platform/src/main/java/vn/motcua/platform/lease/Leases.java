package vn.motcua.platform.lease;

import jakarta.inject.Singleton;

/** Hands out this process's view of named leases, all with the configured holder id and timings. */
@Singleton
public class Leases {

    private final LeaseStore store;
    private final LeaseConfiguration config;

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
        return new Lease(store, name, holderId, config);
    }

    public LeaseConfiguration configuration() {
        return config;
    }
}
