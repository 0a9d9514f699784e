package vn.motcua.dossier.unit;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves the unit tree from a short-lived cache: units change rarely (mergers, a reform), while every scoped
 * query needs the subtree of the caller's unit. A change through UnitAdminService drops the cache of this instance at
 * once ({@link #invalidate()}); other instances of the service see it within the TTL.
 */
@Singleton
public class UnitDirectory {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final UnitRepository repository;
    private volatile UnitTree tree;
    private volatile Instant loadedAt = Instant.EPOCH;

    public UnitDirectory(UnitRepository repository) {
        this.repository = repository;
    }

    public UnitTree tree() {
        UnitTree current = tree;
        if (current == null || Instant.now().isAfter(loadedAt.plus(TTL))) {
            current = new UnitTree(repository.findAll());
            tree = current;
            loadedAt = Instant.now();
        }
        return current;
    }

    /** Call after a committed unit change: the next {@link #tree()} reads the table again. */
    public void invalidate() {
        tree = null;
    }
}
