package vn.motcua.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * {@code motcua_lease_held{lease}}: 1 while this process holds the named database lease, else 0, for every lease it
 * has asked for (feed relay, feed consumers, sweeps). Summed over the replicas it is 1 when one replica does the
 * guarded work and 0 when none does (the alert MotCuaLeaseWithoutHolder). Read without touching the database
 * ({@link Lease#heldNow()}), so a scrape never renews a lease for a worker that stopped.
 * <p>
 * Registered when the context starts, not as a MeterBinder: the registry is built before the data source (Hikari
 * reports to it), and the leases need the data source.
 */
@Context
// with the management port only: the gateway has the platform on its classpath but no database (nor leases)
@Requires(property = "motcua.management.port")
public class LeaseMetrics {

    static final String HELD = "motcua.lease.held";

    // one gauge per lease name, true if any of this process's Lease objects of that name is held
    private final Map<String, List<Lease>> byName = new ConcurrentHashMap<>();

    public LeaseMetrics(Leases leases, MeterRegistry registry) {
        leases.onEachLease(lease -> {
            List<Lease> named = byName.computeIfAbsent(lease.name(), name -> {
                List<Lease> list = new CopyOnWriteArrayList<>();
                Gauge.builder(HELD, list, LeaseMetrics::anyHeld)
                        .description("1 while this process holds the database lease, else 0")
                        .tag("lease", name)
                        .strongReference(true)
                        .register(registry);
                return list;
            });
            named.add(lease);
        });
    }

    private static double anyHeld(List<Lease> leases) {
        return leases.stream().anyMatch(Lease::heldNow) ? 1 : 0;
    }
}
