package vn.motcua.dossier.unit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves the unit tree from a cache: units change rarely (mergers, a reform), while every scoped query needs the
 * subtree of the caller's unit. A change through UnitAdminService drops the cache of this instance at once
 * ({@link #invalidate()}); every other replica drops it when {@link UnitFeedWatcher} sees the change's unit event on
 * this service's change feed (within {@code motcua.dossier.unit-cache.follow-interval} of the relay numbering it).
 * The TTL ({@code motcua.dossier.unit-cache.ttl}) only bounds staleness should the feed stall (no relay running).
 */
@Singleton
public class UnitDirectory {

    private final UnitRepository repository;
    private final Duration ttl;
    private volatile UnitTree tree;
    private volatile Instant loadedAt = Instant.EPOCH;

    public UnitDirectory(UnitRepository repository, @Value("${motcua.dossier.unit-cache.ttl:30s}") Duration ttl) {
        this.repository = repository;
        this.ttl = ttl;
    }

    public UnitTree tree() {
        UnitTree current = tree;
        if (current == null || Instant.now().isAfter(loadedAt.plus(ttl))) {
            // loadedAt before the read: an invalidate() racing with it is never lost behind a later assignment
            Instant readAt = Instant.now();
            current = new UnitTree(repository.findAll());
            tree = current;
            loadedAt = readAt;
        }
        return current;
    }

    /** Call after a committed unit change: the next {@link #tree()} reads the table again. */
    public void invalidate() {
        tree = null;
    }
}
